package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import java.util.Map;

/**
 * A cell's parameters as the run will really use them, for naming and grouping: an unset concurrency is 100, or 1
 * for sync, exactly as {@code RunRequest} decides, because it is read from the checked spec rather than restated.
 */
record Effective(Map<String, Object> params, RunSpec spec) {

    ModelConfig model() {
        return spec.model();
    }

    /** Whether {@code key} means anything for this cell: a model's knob means something for that model only. */
    boolean applies(String key) {
        return ModelConfig.KNOBS.stream().noneMatch(k -> k.key().equals(key))
                || spec.model().knobs().containsKey(key);
    }

    /** The value the run uses, or null where the run has none (no rate; no item count in a timed run). */
    Object get(String key) {
        Map<String, Object> knobs = spec.model().knobs();
        if (knobs.containsKey(key)) {
            return knobs.get(key);
        }
        return switch (key) {
            case "model" -> spec.model().key();
            case "concurrency" -> spec.concurrency();
            case "items" -> spec.duration() == null ? spec.items() : null;
            case "batch" -> spec.batch() == 0 ? null : spec.batch();
            default -> params.getOrDefault(key, PlanKeys.defaultOf(key));
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
