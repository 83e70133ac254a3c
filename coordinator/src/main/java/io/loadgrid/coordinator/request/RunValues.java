package io.loadgrid.coordinator.request;

import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run parameters someone gave, each already read by its {@link Param}: from the command line or from a sweep
 * plan's cell, so that both are checked and run by the same code. A parameter not given has its table default.
 */
public final class RunValues {
    private final Map<Param, Object> given;

    private RunValues(Map<Param, Object> given) {
        this.given = Collections.unmodifiableMap(given);
    }

    /** From already parsed values (what {@link Param#parse} gave for each). */
    public static RunValues of(Map<Param, Object> given) {
        return new RunValues(new LinkedHashMap<>(given));
    }

    /**
     * From plan keys and plain values; numbers may come as any {@link Number}, as params read back from a results
     * file have lost Long versus Integer, so each is read again from its text.
     *
     * @throws IllegalArgumentException for a key that is not a parameter, or a value its parameter refuses
     */
    public static RunValues fromKeys(Map<String, ?> values) {
        Map<Param, Object> given = new LinkedHashMap<>();
        values.forEach((key, v) -> {
            Param p = RunParams.byKey(key)
                    .filter(Param::inPlan)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "'" + key + "' is not a run parameter; use one of " + String.join(", ", planKeys())));
            try {
                given.put(p, p.parse(String.valueOf(v)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.option() + " " + e.getMessage(), e);
            }
        });
        return new RunValues(given);
    }

    /** Every key a sweep plan's cell may set. */
    public static java.util.List<String> planKeys() {
        return RunParams.ALL.stream().filter(Param::inPlan).map(Param::key).toList();
    }

    /** The value given, or the parameter's default (null where the run decides). */
    public Object get(Param p) {
        return given.containsKey(p) ? given.get(p) : p.defaultValue();
    }

    /** The value given, or null. */
    public Object given(Param p) {
        return given.get(p);
    }

    public String text(Param p) {
        Object v = get(p);
        return v == null ? null : v.toString();
    }

    public Integer count(Param p) {
        return (Integer) get(p);
    }

    public Long bigCount(Param p) {
        return (Long) get(p);
    }

    public Double number(Param p) {
        return (Double) get(p);
    }

    public boolean flag(Param p) {
        return (Boolean) get(p);
    }

    /** The values given, by plan key, as a plan's cell would hold them. */
    public Map<String, Object> byKey() {
        Map<String, Object> out = new LinkedHashMap<>();
        given.forEach((p, v) -> out.put(p.key(), v));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunValues v && v.given.equals(given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    @Override
    public String toString() {
        return byKey().toString();
    }
}
