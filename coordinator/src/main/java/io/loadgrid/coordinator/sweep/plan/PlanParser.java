package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.slo.Objectives;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a sweep plan. The format (sweeps/README.md says the same for users):
 * <pre>{@code
 * name: quick                      # required, [a-z0-9-]+
 * description: every model at two concurrency levels   # optional
 * repetitions: 2                   # measured runs per cell, default 3, 1..1000
 * warmups: 1                       # discarded runs before them, default 1, 0..100
 * defaults:                        # cell parameters shared by every cell
 *   workload: seed
 *   items: 3000
 *   target_latency_ms: 5
 * matrix:                          # axes: the cartesian product, axis order = plan order, last axis varies fastest
 *   model: [threads, virtual, async]
 *   concurrency: [10, 100]         # a single value is a one-value axis
 * exclude:                         # drop product cells matching ALL given keys
 *   - {model: async, concurrency: 10}
 * include:                         # extra cells: each entry is defaults + its keys (not merged into the product)
 *   - {model: sync}
 *   - {name: async on 2 agents, model: async, concurrency: 100, agents: 2, slo: 'p99<150ms'}
 * slo: ['p99<200ms', 'errors<0.1%']  # objectives every cell is held to; an include entry's own slo: replaces the
 *                                  # plan's on what it bounds (p99 here) and adds the rest
 * abort_on_fail: 10s               # optional: stop a measured run that loses an objective after this grace period
 * search: {slo: 'p99<50ms', from: 100, to: 50000, step: 5s}  # optional: instead of repetitions, each cell's highest
 *                                  # constant rate that meets slo (SearchSpec)
 * }</pre>
 * Cell parameters are the options of {@code ./loadgrid run} in snake_case ({@code items} is {@code --urls},
 * {@code target_latency_ms} is {@code --target-latency}) plus {@code name} (an include entry's display name) and
 * {@code group} (which cells the report compares). Every cell is checked by {@code RunRequest.of}, as a run is.
 * <ul>
 * <li>A concurrency axis does not apply to sync, which runs one request at a time: a product cell whose model is sync
 * loses its matrix concurrency, and product cells that then become equal are kept once. A concurrency from defaults
 * or an include entry is kept, and is an error for sync as it is on the command line.</li>
 * <li>Without a matrix, the defaults alone are the one cell, unless there are include entries.</li>
 * <li>An exclude entry that matches no product cell is an error: it is a typo or a leftover.</li>
 * <li>Cells are numbered c01, c02, ...: product cells in product order, then include entries.</li>
 * </ul>
 * Every error is a {@link PlanError} naming file, line and field, because plans are edited by hand between runs.
 */
public final class PlanParser {
    static final List<String> KEYS = List.of(
            "name",
            "description",
            "repetitions",
            "warmups",
            "defaults",
            "matrix",
            "include",
            "exclude",
            Objectives.KEY,
            Objectives.ABORT_KEY,
            SearchSpec.KEY);

    private PlanParser() {}

    public static SweepPlan parse(Path path) {
        String file = path.toString();
        try {
            return parse(file, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PlanError(file, 0, null, "no such plan file; give a path or one of sweeps/*.yaml");
        } catch (IOException e) {
            throw new PlanError(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    /** @param file the plan's name as the user gave it, for messages and {@link SweepPlan#file()} */
    public static SweepPlan parse(String file, String text) {
        YamlMap top = YamlMap.of(file, "", compose(file, text), KEYS);
        if (!top.has("name")) {
            throw new PlanError(file, top.line(), "plan", "has no name; add e.g. name: quick");
        }
        Scalar nameField = top.scalar("name");
        String name = nameField.text("a name");
        if (!name.matches("[a-z0-9-]+")) {
            throw nameField.error("'" + name + "' may use only a-z, 0-9 and '-'; e.g. "
                    + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        String description = top.has("description") ? top.scalar("description").text("a sentence") : null;
        int repetitions =
                top.has("repetitions") ? (int) top.scalar("repetitions").integer(1, 1000) : 3;
        int warmups = top.has("warmups") ? (int) top.scalar("warmups").integer(0, 100) : 1;
        SearchSpec search = top.has(SearchSpec.KEY) ? SearchSpec.read(top) : null;
        List<Expansion.Draft> drafts = Expansion.of(top);
        if (search != null) {
            searched(file, drafts);
        }
        return new SweepPlan(name, description, file, text, repetitions, warmups, Cells.of(file, drafts), search);
    }

    /** A search chooses each run's rate and duration: a cell may not. */
    private static void searched(String file, List<Expansion.Draft> drafts) {
        for (Expansion.Draft d : drafts) {
            for (String key : SearchSpec.CHOSEN) {
                if (d.params().containsKey(key)) {
                    throw new PlanError(
                            file,
                            d.line(),
                            "cell {" + d.describe() + "}",
                            "sets " + key + ", which the search chooses for every run; drop it");
                }
            }
        }
    }

    private static Node compose(String file, String text) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String column = at == null ? "" : " (column " + (at.getColumn() + 1) + ")";
            throw new PlanError(
                    file,
                    at == null ? 0 : at.getLine() + 1,
                    "not valid YAML",
                    oneLine((e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem()) + column);
        } catch (YAMLException e) {
            throw new PlanError(file, 0, "not valid YAML", oneLine(e.getMessage()));
        }
        if (root == null) {
            throw new PlanError(file, 1, "plan", "is empty; see sweeps/README.md for the format");
        }
        return root;
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.strip().replaceAll("\\s+", " ");
    }
}
