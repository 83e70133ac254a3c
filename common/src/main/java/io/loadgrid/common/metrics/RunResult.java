package io.loadgrid.common.metrics;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * The result of one run, as written by {@code --json}: one definition of every figure for every model. Its groups are
 * unwrapped, so that the document stays one flat object of figures as users read it.
 *
 * @param targetCounts what the target itself counted for this run, when it could be asked
 * @param interrupted  true when the user stopped the run early: the figures cover the items that ran
 * @param resources    the generators' own use; its {@code busiestThreadPct} (in the total: the busiest of any
 *                     node) near 100% means the generator, not the target, set the pace
 * @param stoppedBy    why the run stopped before its end when a live objective was lost ({@code --abort-on-fail}),
 *                     else null: its figures cover the items that ran until then
 * @param slo          the verdicts of the objectives it was held to ({@code --slo}), null when it was held to none
 * @param timeline     the run second by second from the agents' live snapshots (null in a node's own result)
 */
@RecordBuilder
public record RunResult(
        int schema,
        String model,
        int concurrency,
        String workload,
        String target,
        Parameters parameters,
        @JsonUnwrapped Counts counts,
        @JsonUnwrapped Rates rates,
        @JsonUnwrapped WireBytes bytes,
        @JsonUnwrapped Latencies latency,
        @JsonUnwrapped Resources resources,
        TargetCounts targetCounts,
        Boolean interrupted,
        @JsonUnwrapped Spread spread,
        String stoppedBy,
        List<SloVerdict> slo,
        List<Second> timeline)
        implements RunResultBuilder.With {

    public static final int SCHEMA = 1;

    public RunResult {
        spread = spread == null ? Spread.NONE : spread;
    }

    /** Whether the user stopped the run early. */
    public boolean wasInterrupted() {
        return Boolean.TRUE.equals(interrupted);
    }

    /**
     * The knobs of the run that are not the model or its concurrency.
     *
     * @param rate      the constant arrival rate, or with rate stages the mean rate they schedule; null: closed loop
     * @param stages    the load shape ({@code --stages}) as typed, or null
     * @param model     the model's own knobs by plan key (pool, threads, processes), written beside the others
     * @param prewarmed whether every sender ran its sending path and opened its connection before the start instant
     *                  (--no-prewarm: a cold start, connects included)
     */
    public record Parameters(
            Double rate,
            String stages,
            Double durationS,
            Integer batch,
            @JsonAnyGetter @JsonAnySetter Map<String, Object> model,
            long timeoutMs,
            String sink,
            boolean prewarmed) {
        public Parameters {
            model = model == null ? Map.of() : Map.copyOf(model);
        }
    }
}
