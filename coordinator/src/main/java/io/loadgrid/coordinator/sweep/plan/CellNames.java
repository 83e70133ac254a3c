package io.loadgrid.coordinator.sweep.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Names cells for people: the model, then only what tells this cell apart from the others of the plan
 * ("threads c=100"); a parameter equal in every cell would be noise on every row of the report.
 */
final class CellNames {

    private record Part(String key, Function<Object, String> show) {
        boolean appliesTo(Effective cell) {
            return cell.applies(key);
        }
    }

    private static final List<Part> PARTS = List.of(
            new Part("concurrency", v -> "c=" + v),
            new Part("threads", v -> "t=" + v),
            new Part("processes", v -> "p=" + v),
            new Part("batch", v -> "b=" + v),
            new Part("pool", String::valueOf),
            new Part("items", v -> "n=" + count((Long) v)),
            new Part("duration", v -> "d=" + v),
            new Part("rate", v -> "r=" + Effective.show(v)),
            new Part("workload", String::valueOf),
            new Part("target_latency_ms", v -> "lat=" + Effective.show(v) + "ms"),
            new Part("agents", v -> "agents=" + v),
            new Part("split", String::valueOf));

    private CellNames() {}

    /** One name per cell, in order; a name shared by several cells gets each cell's id appended. */
    static List<String> of(List<Effective> cells, List<String> ids) {
        List<Part> varying = PARTS.stream().filter(p -> varies(p, cells)).toList();
        List<String> names = cells.stream()
                .map(c -> c.params().get(PlanKeys.NAME) instanceof String n ? n : generated(c, varying))
                .toList();
        Map<String, Long> uses = names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        return IntStream.range(0, names.size())
                .mapToObj(i -> uses.get(names.get(i)) > 1 ? names.get(i) + " (" + ids.get(i) + ")" : names.get(i))
                .toList();
    }

    private static boolean varies(Part part, List<Effective> cells) {
        return cells.stream()
                        .filter(part::appliesTo)
                        .map(c -> String.valueOf(c.get(part.key())))
                        .distinct()
                        .count()
                > 1;
    }

    private static String generated(Effective cell, List<Part> varying) {
        StringBuilder name = new StringBuilder(cell.model().key());
        for (Part p : varying) {
            Object v = cell.get(p.key());
            if (v != null && p.appliesTo(cell)) {
                name.append(' ').append(p.show().apply(v));
            }
        }
        return name.toString();
    }

    /** 10000 → 10k, 1000000 → 1M: item counts are round numbers, and short ones keep names readable. */
    static String count(long n) {
        if (n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        return n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }
}
