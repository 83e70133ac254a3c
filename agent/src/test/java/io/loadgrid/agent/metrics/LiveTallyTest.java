package io.loadgrid.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
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
        assertThat(t.total().result()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN));
    }

    @Test
    void latencyCountsFromTheIntendedStartAndUncorrectedFromTheSend() {
        LiveTally t = new LiveTally(new WireCounter());
        t.completed(0, 0, 4_000_000, 5_000_000);
        Tally total = t.total();
        assertThat(total.latency().getMaxValue()).isBetween(4_990L, 5_010L);
        assertThat(total.uncorrected().getMaxValue()).isBetween(995L, 1_005L);
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
                            t.failed(i, FailureKind.TIMEOUT);
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
