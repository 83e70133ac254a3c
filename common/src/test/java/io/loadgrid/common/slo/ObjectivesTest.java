package io.loadgrid.common.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadgrid.common.metrics.Counts;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Latencies;
import io.loadgrid.common.metrics.Rates;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.RunResultBuilder;
import io.loadgrid.common.metrics.SloVerdict;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Objectives as users write them, judged on a histogram whose percentiles are known. */
class ObjectivesTest {
    /** 1,000 latencies of 1..1000 ms: p50 is 500 ms, p99 990 ms, max 1 s; 20 of 1,000 items failed; 40 s. */
    private static Evidence known() {
        Histogram h = Histograms.newLatency();
        for (int ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1000L);
        }
        return new Evidence(h, 1000, 20, 980, 40);
    }

    private static SloVerdict judge(String slo) {
        return Slo.parse(slo).judge(known());
    }

    @Test
    void latencyObjectivesReadTheMergedHistogramInTheUnitWritten() {
        assertThat(judge("p99<1s").met()).isTrue();
        assertThat(judge("p99 < 900ms").met()).isFalse();
        assertThat(judge("p99<900ms").measured()).isBetween(989.0, 991.0);
        assertThat(judge("p99<900ms").says()).isEqualTo("p99 990.2 ms, needs < 900 ms");
        assertThat(judge("p50<=500ms").met()).isFalse(); // the histogram's highest equivalent value of 500 ms: 500.2 ms
        assertThat(judge("p50<=501ms").met()).isTrue();
        assertThat(judge("p99.9<999ms").met()).isFalse();
        assertThat(judge("max<2s").says()).isEqualTo("max 1 s, within < 2 s");
        assertThat(judge("mean<400ms").met()).isFalse();
        assertThat(judge("p100<=1001ms").met()).isTrue();
    }

    @Test
    void errorsAreTheFailedShareOfItemsAndRpsTheAnsweredPerSecond() {
        assertThat(judge("errors<2.5%").met()).isTrue();
        assertThat(judge("errors<2%").met()).isFalse();
        assertThat(judge("errors<=2%").met()).isTrue();
        assertThat(judge("errors<0.1%").says()).isEqualTo("errors 2%, needs < 0.1%");
        assertThat(judge("rps>24").met()).isTrue();
        assertThat(judge("rps>=25").says()).isEqualTo("rps 24.5 req/s, needs >= 25 req/s");
    }

    @Test
    void nothingMeasuredIsNeverMet() {
        Evidence none = new Evidence(Histograms.newLatency(), 0, 0, 0, 0);
        for (String s : List.of("p99<1s", "errors<1%", "rps>0", "max<1s")) {
            SloVerdict v = Slo.parse(s).judge(none);
            assertThat(v.met()).as(s).isFalse();
            assertThat(v.measured()).isNull();
            assertThat(v.says()).contains("not measured");
        }
    }

    @Test
    void aWrongObjectiveSaysWhatIsWrongAndHowToWriteIt() {
        assertThatThrownBy(() -> Slo.parse("p99<50"))
                .hasMessageContaining("needs a unit")
                .hasMessageContaining("50ms");
        assertThatThrownBy(() -> Slo.parse("p99<50min")).hasMessageContaining("'min' is not a unit of time");
        assertThatThrownBy(() -> Slo.parse("errors<0.1")).hasMessageContaining("needs %");
        assertThatThrownBy(() -> Slo.parse("errors<200%")).hasMessageContaining("at most 100%");
        assertThatThrownBy(() -> Slo.parse("rps>2k")).hasMessageContaining("a bare number");
        assertThatThrownBy(() -> Slo.parse("p0<1s")).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Slo.parse("latency<50ms"))
                .hasMessageContaining("is not an objective")
                .hasMessageContaining("p99<50ms");
        assertThatThrownBy(() -> Objectives.parse(List.of("p99<1s", "p99=1s"), "--slo"))
                .hasMessageStartingWith("--slo 'p99=1s' is not an objective");
    }

    @Test
    void anObjectiveARunLostWhileItRanStaysUnmetWhateverItsEndSays() {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(1_000, 100); // 1 ms: p99<5ms is met on the figures at the end
        Slo p99 = Slo.parse("p99<5ms");
        RunResult stopped = RunResultBuilder.builder()
                .counts(new Counts(100, 100, 0, Map.of(), null))
                .rates(new Rates(1, 100, 100, 0, 0))
                .latency(new Latencies(null, null, null, Histograms.encode(h), null, null))
                .stoppedBy(Objectives.lost(p99, 2.5, "p99 40 ms, needs < 5 ms"))
                .build();
        List<SloVerdict> v =
                Objectives.parse(List.of("p99<5ms", "errors<1%"), "--slo").judge(List.of(stopped));
        assertThat(v.get(0).met()).isFalse();
        assertThat(v.get(0).says()).contains("objective p99<5ms lost 2.5 s into the run");
        assertThat(v.get(1).met()).isTrue();
        assertThat(Objectives.parse(List.of("p99<5ms"), "--slo")
                        .judge(List.of(stopped.withStoppedBy(null)))
                        .getFirst()
                        .met())
                .isTrue();
    }

    @Test
    void aCellsObjectiveReplacesThePlansOnWhatItBoundsAndAddsTheRest() {
        Objectives plan = Objectives.parse(List.of("p99<200ms", "errors<1%", "rps>10"), "slo");
        Objectives cell = Objectives.parse(List.of("p99<=150ms", "p50<20ms", "rps<1000"), "slo");
        assertThat(plan.with(cell).all().stream().map(Slo::text))
                .containsExactly("p99<=150ms", "errors<1%", "rps>10", "p50<20ms", "rps<1000");
        assertThat(Objectives.parse(List.of("p99<1s", "P99 < 1s"), "--slo").all())
                .hasSize(1);
    }
}
