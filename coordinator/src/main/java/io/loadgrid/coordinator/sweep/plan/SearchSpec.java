package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.codec.Durations;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.common.slo.Objectives;
import java.time.Duration;
import java.util.List;

/**
 * A plan's {@code search:}: find, for every cell, the highest constant rate that meets {@code slo}, with short paced
 * runs of {@code step} each between {@code from} and {@code to} items/s, to within {@code precision}.
 * <pre>{@code
 * search: {slo: 'p99<50ms', from: 100, to: 50000, step: 5s}   # step default 5s, from default 100
 * }</pre>
 */
public record SearchSpec(Objectives slo, double from, double to, Duration step, double precision) {
    static final String KEY = "search";
    static final List<String> KEYS = List.of("slo", "from", "to", "step");
    /** Within 5%: finer than the run-to-run spread of most targets is not an answer, it is noise. */
    static final double PRECISION = 0.05;

    /** What a cell of a search plan may not set: the search chooses them for every run. */
    static final List<String> CHOSEN =
            List.of(RunParams.RATE.key(), RunParams.STAGES.key(), RunParams.DURATION.key(), RunParams.ITEMS.key());

    /** In words, for the report: "its highest rate at p99<50ms between 100 and 50,000 items/s, in 5s runs (...)". */
    public String text() {
        return String.format(
                java.util.Locale.ROOT,
                "its highest rate at %s between %,.0f and %,.0f items/s, in %s runs (within %.0f%%, best confirmed)",
                slo.text(),
                from,
                to,
                Durations.text(step),
                precision * 100);
    }

    static SearchSpec read(YamlMap top) {
        YamlMap m = YamlMap.of(top.file(), KEY, top.node(KEY), KEYS);
        if (!m.has("slo") || !m.has("to")) {
            throw PlanError.field(
                    top.file(),
                    top.keyLine(KEY),
                    KEY,
                    "needs slo and to, e.g. search: {slo: 'p99<50ms', from: 100, to: 50000}");
        }
        Objectives slo = PlanObjectives.read(m);
        double from = m.has("from") ? m.scalar("from").number() : 100;
        double to = m.scalar("to").number();
        if (from <= 0 || to < from) {
            throw m.scalar("to").error("needs 0 < from <= to, got from " + from + " and to " + to);
        }
        Duration step = Duration.ofSeconds(5);
        if (m.has("step")) {
            Scalar s = m.scalar("step");
            try {
                step = Durations.parse(s.text("a duration such as 5s"), "");
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage().strip());
            }
        }
        return new SearchSpec(slo, from, to, step, PRECISION);
    }
}
