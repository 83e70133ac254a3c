package io.loadgrid.coordinator.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The HdrHistogram to Prometheus bucket mapping, native and classic, at the edges where off-by-one errors live. */
class LatencyPointTest {
    @Test
    void nativeBucketsFollowPrometheusBoundsExactly() {
        // bucket i covers (2^((i-1)/8), 2^(i/8)]: a power of two is the top of its bucket
        assertThat(LatencyPoint.nativeIndex(1.0)).isZero();
        assertThat(LatencyPoint.nativeIndex(Math.nextUp(1.0))).isEqualTo(1);
        assertThat(LatencyPoint.nativeIndex(2.0)).isEqualTo(8);
        assertThat(LatencyPoint.nativeIndex(0.5)).isEqualTo(-8);
        for (int i = -200; i < 60; i++) {
            double top = LatencyPoint.upper(i);
            assertThat(LatencyPoint.nativeIndex(top)).as("top of bucket %d", i).isEqualTo(i);
            assertThat(LatencyPoint.nativeIndex(Math.nextUp(top)))
                    .as("just above bucket %d", i)
                    .isEqualTo(i + 1);
        }
    }

    @Test
    void classicAndNativeCountsAndTheSumAgreeWithTheHistogram() {
        Histogram us = Histograms.newLatency();
        us.recordValueWithCount(100, 5); // 100 µs: exactly on the first classic bound
        us.recordValueWithCount(1_000, 7); // 1 ms
        us.recordValueWithCount(45_000, 3); // 45 ms
        us.recordValueWithCount(90_000_000, 1); // 90 s: above the last finite bound
        LatencyPoint p = LatencyPoint.of(us);
        assertThat(p.count()).isEqualTo(16);
        assertThat(p.classic()[0]).isEqualTo(5);
        assertThat(p.classic()[p.classic().length - 1]).isEqualTo(1);
        assertThat(p.nativeCounts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(16);
        assertThat(p.sum())
                .isCloseTo(us.getMean() * us.getTotalCount() / 1e6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.plus(p).count()).isEqualTo(32);
        assertThat(LatencyPoint.of(Histograms.newLatency())).isSameAs(LatencyPoint.EMPTY);
    }

    @Test
    void classicBoundsAreAtMostOneAndAHalfApart() {
        double[] b = LatencyPoint.BOUNDS;
        assertThat(b[0]).isEqualTo(0.0001);
        assertThat(b[b.length - 2]).isEqualTo(60.0);
        for (int i = 1; i < b.length - 1; i++) {
            assertThat(b[i] / b[i - 1])
                    .as("bound %s after %s", b[i], b[i - 1])
                    .isGreaterThan(1)
                    .isLessThanOrEqualTo(1.5 + 1e-9);
        }
    }
}
