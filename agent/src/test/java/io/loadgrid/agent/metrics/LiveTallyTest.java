package io.loadgrid.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Tally;
import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LiveTallyTest {
    @Test
    void resultSumDoesNotOverflowALong() {
        LiveTally t = new LiveTally(new WireCounter());
        for (int i = 0; i < 10; i++) {
            t.result(i, Long.MAX_VALUE);
        }
        assertThat(t.total().result())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN));
    }

    @Test
    void latencyCountsFromTheIntendedStartAndUncorrectedFromTheSend() {
        LiveTally t = new LiveTally(new WireCounter());
        t.completed(0, 0, 4_000_000, 5_000_000);
        Tally total = t.total();
        assertThat(total.latency().getMaxValue()).isBetween(4_990L, 5_010L);
        assertThat(total.uncorrected().getMaxValue()).isBetween(995L, 1_005L);
        // sent 4 ms after its slot: the schedule lag
        assertThat(total.lag().getMaxValue()).isBetween(3_995L, 4_005L);
        assertThat(total.lag().getTotalCount()).isEqualTo(1);
    }

    @Test
    void aLatencyAboveTheHistogramsRangeCountsOnceAsOkAtTheTopOfTheRange() {
        LiveTally t = new LiveTally(new WireCounter());
        long twoHours = 2L * 3600 * 1_000_000_000L;
        t.started();
        t.completed(0, 0, twoHours - 1_000_000, twoHours);
        Tally total = t.total();
        assertThat(total.ok()).isEqualTo(1);
        assertThat(total.failed()).isZero();
        assertThat(total.latency().getTotalCount()).isEqualTo(1);
        assertThat(total.latency().getMaxValue()).isGreaterThanOrEqualTo(Histograms.HIGHEST_US * 999 / 1000);
        assertThat(total.uncorrected().getMaxValue()).isBetween(995L, 1_005L);
    }

    @Test
    void theInFlightPeakIsTheMostItemsBetweenStartAndOutcomeAtOnce() {
        LiveTally t = new LiveTally(new WireCounter());
        t.started();
        t.started();
        t.completed(0, 0, 0, 1000);
        t.started();
        t.started();
        t.failed(1, FailureKind.CONNECT, 0, 0);
        t.failedWithResponse(2, FailureKind.HTTP_5XX, 0, 0, 1000);
        t.completed(3, 0, 0, 1000);
        t.started();
        assertThat(t.inFlightPeak()).isEqualTo(3);
        assertThat(t.inFlight()).isEqualTo(1);
    }

    @Test
    void concurrentRecordingLosesNothingAndTotalsAccumulate() throws Exception {
        LiveTally t = new LiveTally(new WireCounter());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                pool.execute(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        t.completed(i, 0, 0, 1_000_000);
                        if (i % 1000 == 0) {
                            t.failed(i, FailureKind.TIMEOUT, 0, 0);
                        }
                    }
                });
            }
        }
        Tally first = t.total();
        assertThat(first.ok()).isEqualTo(100_000);
        assertThat(first.failures()).containsEntry(FailureKind.TIMEOUT, 100L);
        assertThat(first.latency().getTotalCount()).isEqualTo(100_000);
        t.completed(0, 0, 0, 2_000_000);
        assertThat(t.total().latency().getTotalCount()).isEqualTo(100_001);
    }
}
