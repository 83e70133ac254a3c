package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.coordinator.request.RunValues;
import java.util.List;
import java.util.stream.Stream;

/**
 * The keys a cell may set: the run parameters a plan may give ({@link RunParams}), plus {@link #NAME} and
 * {@link #GROUP}. Values are read where they are written, so a bad one in a matrix list is reported at its own line
 * rather than at the cell it ends up in.
 */
final class PlanKeys {
    static final String NAME = "name";
    static final String GROUP = "group";
    static final List<String> ALL =
            Stream.concat(RunValues.planKeys().stream(), Stream.of(NAME, GROUP)).toList();
    /** An include entry's keys: a cell's, and its own objectives ({@code slo:}, over the plan's). */
    static final List<String> INCLUDE =
            Stream.concat(ALL.stream(), Stream.of(Objectives.KEY)).toList();

    private PlanKeys() {}

    /** The value as a plain Java value (Integer, Long, Double, String, Boolean): what {@link Cell#params()} holds. */
    static Object read(String key, Scalar s) {
        if (key.equals(NAME) || key.equals(GROUP)) {
            return s.text("a string");
        }
        Param p = param(key);
        try {
            return p.parse(s.text(expected(p)));
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
    }

    /** What the run uses when a cell does not give {@code key}, or null where the run decides. */
    static Object defaultOf(String key) {
        return key.equals(NAME) || key.equals(GROUP) ? null : param(key).defaultValue();
    }

    private static Param param(String key) {
        return RunParams.byKey(key).orElseThrow(() -> new IllegalArgumentException(key + " is not a plan key"));
    }

    private static String expected(Param p) {
        return switch (p.type()) {
            case COUNT, BIG_COUNT -> "an integer";
            case POSITIVE, NON_NEGATIVE -> "a number";
            case DURATION -> "a duration such as 30s";
            case STAGES -> "stages such as 10s->2000/s,30s@2000/s";
            case TEXT -> "a string";
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", p.choices());
        };
    }
}
