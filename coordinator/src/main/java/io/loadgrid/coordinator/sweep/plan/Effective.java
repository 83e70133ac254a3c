package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.RunSpec;
import java.util.Map;

/**
 * A cell's parameters as the run will really use them, for naming and grouping: an unset concurrency is 100, or 1
 * for sync, exactly as {@code RunOptions} decides, because it is read from the validated spec rather than restated.
 */
record Effective(Map<String, Object> params, RunSpec spec) {

    ModelName model() {
        return spec.model();
    }

    /** The value the run uses, or null where the run has none (no rate; no item count in a timed run). */
    Object get(String key) {
        return switch (key) {
            case "model" -> spec.model().key();
            case "concurrency" -> spec.concurrency();
            case "threads" -> spec.threads();
            case "processes" -> spec.processes();
            case "items" -> spec.duration() == null ? spec.items() : null;
            case "batch" -> spec.batch() == 0 ? null : spec.batch();
            default -> params.getOrDefault(key, Param.of(key).cliDefault());
        };
    }

    /** The value as people write it: 5 rather than 5.0. */
    static String show(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
