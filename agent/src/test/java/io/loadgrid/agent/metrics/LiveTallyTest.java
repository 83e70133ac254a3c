package io.loadgrid.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ChunkLayout;
import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LiveTallyTest {
    @Test
    void resultSumDoesNotOverflowALong() {
        LiveTally t = tally(10);
        for (int i = 0; i < 10; i++) {
            t.result(i, Long.MAX_VALUE);
        }
        assertThat(t.total().result())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN));
    }

    @Test
    void latencyCountsFromTheIntendedStartAndUncorrectedFromTheSend() {
        LiveTally t = tally(1);
        t.completed(0, 0, 4_000_000, 5_000_000);
        Tally total = t.total();
        assertThat(total.latency().getMaxValue()).isBetween(4_990L, 5_010L);
        assertThat(total.uncorrected().getMaxValue()).isBetween(995L, 1_005L);
        // sent 4 ms after its slot: the schedule lag
        assertThat(total.lag().getMaxValue()).isBetween(3_995L, 4_005L);
        assertThat(total.lag().getTotalCount()).isEqualTo(1);
    }

    @Test
    void eachItemIsInOneIntervalAndInTheTotalWhicheverIsTakenFirst() {
        LiveTally t = tally(3);
        t.completed(0, 0, 0, 1_000_000);
        assertThat(t.interval().latency().getTotalCount()).isEqualTo(1);
        t.completed(1, 0, 0, 2_000_000);
        t.completed(2, 0, 0, 3_000_000);
        // the run's total is taken before its last snapshot: that snapshot still carries the last two items
        assertThat(t.total().latency().getTotalCount()).isEqualTo(3);
        LiveTally.Interval last = t.interval();
        assertThat(last.latency().getTotalCount()).isEqualTo(2);
        assertThat(last.lag().getTotalCount()).isEqualTo(2);
        assertThat(t.interval().latency().getTotalCount()).isZero();
        assertThat(t.total().latency().getTotalCount()).isEqualTo(3);
    }

    @Test
    void aLatencyAboveTheHistogramsRangeCountsOnceAsOkAtTheTopOfTheRange() {
        LiveTally t = tally(1);
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
        LiveTally t = tally(4);
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
        // items 0..99,999 complete, the next 100 time out, and one more completes after the first total
        LiveTally t = tally(100_101);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                int worker = w;
                pool.execute(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        t.completed(worker * 25_000L + i, 0, 0, 1_000_000);
                        if (i % 1000 == 0) {
                            t.failed(100_000L + worker * 25 + i / 1000, FailureKind.TIMEOUT, 0, 0);
                        }
                    }
                });
            }
        }
        Tally first = t.total();
        assertThat(first.ok()).isEqualTo(100_000);
        assertThat(first.failures()).containsEntry(FailureKind.TIMEOUT, 100L);
        assertThat(first.latency().getTotalCount()).isEqualTo(100_000);
        t.completed(100_100, 0, 0, 2_000_000);
        assertThat(t.total().latency().getTotalCount()).isEqualTo(100_001);
    }

    /** A tally whose items 0 to {@code items} - 1 are one open chunk, as an engine's are. */
    private static LiveTally tally(long items) {
        ChunkLayout layout = new ChunkLayout(items, 1, items);
        ChunkLedger ledger = new ChunkLedger(layout, (chunk, tally) -> {});
        ledger.open(layout.chunk(0));
        return new LiveTally(new WireCounter(), ledger);
    }
}
