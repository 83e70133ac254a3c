package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.common.slo.Objectives;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns defaults, matrix, exclude and include into the plan's cells, in run order, before they are checked or named.
 */
final class Expansion {

    /** A cell before it has an id: its plan line and the parameters the plan gives it. */
    record Draft(int line, LinkedHashMap<String, Object> params, Objectives slo) {
        String describe() {
            return flow(params);
        }
    }

    private Expansion() {}

    static List<Draft> of(YamlMap top) {
        LinkedHashMap<String, Object> defaults = top.has("defaults")
                ? params(cellMap(top.file(), "defaults", top.node("defaults")))
                : new LinkedHashMap<>();
        Objectives planSlo = PlanObjectives.ofPlan(top);
        List<Draft> cells = new ArrayList<>(product(top, defaults, planSlo));
        for (YamlMap entry : entries(top, "include")) {
            LinkedHashMap<String, Object> p = new LinkedHashMap<>(defaults);
            p.putAll(params(entry));
            cells.add(new Draft(entry.line(), p, planSlo.with(PlanObjectives.read(entry))));
        }
        if (cells.isEmpty()) {
            throw new PlanError(
                    top.file(),
                    top.has("exclude") ? top.keyLine("exclude") : top.line(),
                    "plan",
                    "has no cells; give a matrix, include entries, or at least defaults, and do not exclude every "
                            + "matrix cell");
        }
        return cells;
    }

    /** The matrix's cartesian product over the defaults; without a matrix, the defaults alone are the one cell. */
    private static List<Draft> product(YamlMap top, LinkedHashMap<String, Object> defaults, Objectives slo) {
        if (!top.has("matrix")) {
            if (top.has("exclude")) {
                throw PlanError.field(
                        top.file(),
                        top.keyLine("exclude"),
                        "exclude",
                        "there is no matrix to exclude cells from; add a matrix or drop exclude");
            }
            boolean alone = top.has("defaults") && !top.has("include");
            return alone ? List.of(new Draft(top.keyLine("defaults"), defaults, slo)) : List.of();
        }
        YamlMap matrix = cellMap(top.file(), "matrix", top.node("matrix"));
        if (matrix.keys().isEmpty()) {
            throw PlanError.field(
                    top.file(), top.keyLine("matrix"), "matrix", "has no axes; give e.g. model: [threads, async]");
        }
        List<LinkedHashMap<String, Object>> cells = List.of(defaults);
        for (String axis : matrix.keys()) {
            List<Object> values = axis(matrix, axis);
            List<LinkedHashMap<String, Object>> next = new ArrayList<>();
            for (LinkedHashMap<String, Object> cell : cells) {
                for (Object v : values) {
                    LinkedHashMap<String, Object> p = new LinkedHashMap<>(cell);
                    p.put(axis, v);
                    next.add(p);
                }
            }
            cells = next;
        }
        cells = exclude(new ArrayList<>(cells), entries(top, "exclude"));
        if (matrix.has("concurrency")) {
            // a concurrency axis means "for the models that have one": one that runs one at a time (sync) keeps its 1
            cells.stream().filter(Expansion::oneAtATime).forEach(c -> c.remove(RunParams.CONCURRENCY.key()));
        }
        int line = top.keyLine("matrix");
        return new LinkedHashSet<>(cells)
                .stream().map(p -> new Draft(line, p, slo)).toList();
    }

    private static List<Object> axis(YamlMap matrix, String axis) {
        Node node = matrix.node(axis);
        List<Node> values = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        if (values.isEmpty()) {
            throw matrix.scalar(axis).error("has no values; give at least one, e.g. " + axis + ": [a, b]");
        }
        return values.stream()
                .map(v -> PlanKeys.read(axis, new Scalar(matrix.file(), matrix.field(axis), v)))
                .toList();
    }

    /** An entry that matches nothing is an error: it is a typo, or left over from an axis value since removed. */
    private static List<LinkedHashMap<String, Object>> exclude(
            List<LinkedHashMap<String, Object>> cells, List<YamlMap> entries) {
        for (YamlMap entry : entries) {
            Map<String, Object> drop = params(entry);
            if (!cells.removeIf(cell -> drop.entrySet().stream()
                    .allMatch(e -> Objects.equals(
                            e.getValue(), cell.getOrDefault(e.getKey(), PlanKeys.defaultOf(e.getKey())))))) {
                throw PlanError.field(
                        entry.file(),
                        entry.line(),
                        "exclude",
                        "{" + flow(drop) + "} matches no matrix cell; check it against the matrix");
            }
        }
        return cells;
    }

    private static List<YamlMap> entries(YamlMap top, String key) {
        if (!top.has(key)) {
            return List.of();
        }
        if (!(top.node(key) instanceof SequenceNode list)) {
            throw top.scalar(key).error("expected a list of mappings, each written as - {key: value, ...}");
        }
        return list.getValue().stream()
                .map(n -> key.equals("include")
                        ? YamlMap.of(top.file(), key, n, PlanKeys.INCLUDE)
                        : cellMap(top.file(), key, n))
                .toList();
    }

    private static LinkedHashMap<String, Object> params(YamlMap map) {
        LinkedHashMap<String, Object> p = new LinkedHashMap<>();
        map.keys().stream()
                .filter(k -> !k.equals(Objectives.KEY))
                .forEach(k -> p.put(k, PlanKeys.read(k, map.scalar(k))));
        return p;
    }

    /** Cell parameters outside an include entry, where a name would be given to many cells at once. */
    private static YamlMap cellMap(String file, String path, Node node) {
        YamlMap map = YamlMap.of(file, path, node, PlanKeys.INCLUDE);
        if (map.has(Objectives.KEY)) {
            throw PlanError.field(
                    file,
                    map.keyLine(Objectives.KEY),
                    map.field(Objectives.KEY),
                    "objectives hold the whole plan or one include entry; move it to the top level or into an include"
                            + " entry");
        }
        if (map.has("name")) {
            throw PlanError.field(
                    file, map.keyLine("name"), map.field("name"), "names a single cell; give it in an include entry");
        }
        return map;
    }

    private static boolean oneAtATime(Map<String, Object> cell) {
        Object model = cell.getOrDefault(RunParams.MODEL.key(), RunParams.MODEL.defaultValue());
        return ModelConfig.of((String) model, Param::defaultValue).oneAtATime();
    }

    static String flow(Map<String, Object> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + ": " + Effective.show(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
