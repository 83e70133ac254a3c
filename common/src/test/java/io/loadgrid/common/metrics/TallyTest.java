package io.loadgrid.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.codec.Json;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void mergedPercentilesEqualThoseOfOneHistogramHoldingEverySample() {
        Random random = new Random(42);
        Histogram all = Histograms.newLatency();
        Tally merged = Tally.empty();
        for (int node = 0; node < 3; node++) {
            Histogram h = Histograms.newLatency();
            // nodes with very different latency, where averaging percentiles would be badly wrong
            int scale = (node + 1) * (node + 1) * 1000;
            for (int i = 0; i < 5000; i++) {
                long v = 1 + (long) (random.nextDouble() * scale);
                h.recordValue(v);
                all.recordValue(v);
            }
            Tally t = new Tally(
                    5000,
                    new EnumMap<>(FailureKind.class),
                    0,
                    0,
                    0,
                    0,
                    0,
                    h,
                    Histograms.newLatency(),
                    Histograms.newLatency());
            merged = merged.plus(
                    Json.read(Json.write(t.encode()), Tally.Encoded.class).decode());
        }
        assertThat(LatencySummary.of(merged.latency())).isEqualTo(LatencySummary.of(all));
        assertThat(merged.ok()).isEqualTo(15000);
    }

    /** Summing encoded chunks at once gives exactly what adding them one by one gives, counts and histograms. */
    @Test
    void aSumOfEncodedTalliesEqualsThemAddedOneByOne() {
        Random random = new Random(7);
        java.util.List<Tally.Encoded> parts = new java.util.ArrayList<>();
        Tally oneByOne = Tally.empty();
        for (int chunk = 0; chunk < 40; chunk++) {
            Histogram lat = Histograms.newGrowing();
            Histogram unc = Histograms.newGrowing();
            Histogram lag = Histograms.newGrowing();
            for (int i = 0; i < 500; i++) {
                long v = 1 + (long) Math.exp(random.nextDouble() * 14);
                lat.recordValue(v);
                unc.recordValue(Math.max(1, v / 2));
                lag.recordValue(1 + random.nextInt(100));
            }
            var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
            failures.put(FailureKind.values()[chunk % FailureKind.values().length], (long) chunk);
            Tally t = new Tally(500, failures, chunk, 2L * chunk, 3L * chunk, chunk % 2, chunk, lat, unc, lag);
            parts.add(t.encode());
            oneByOne = oneByOne.plus(t.encode().decode());
        }
        Tally sum = Tally.sum(parts);
        assertThat(sum.latency()).isEqualTo(oneByOne.latency());
        assertThat(sum.uncorrected()).isEqualTo(oneByOne.uncorrected());
        assertThat(sum.lag()).isEqualTo(oneByOne.lag());
        assertThat(sum.latency().getTotalCount()).isEqualTo(40 * 500);
        assertThat(sum.failures()).isEqualTo(oneByOne.failures());
        assertThat(java.util.List.of(
                        sum.ok(), sum.bytesUp(), sum.bytesDown(), sum.bytesWritten(), sum.resultHi(), sum.resultLo()))
                .isEqualTo(java.util.List.of(
                        oneByOne.ok(),
                        oneByOne.bytesUp(),
                        oneByOne.bytesDown(),
                        oneByOne.bytesWritten(),
                        oneByOne.resultHi(),
                        oneByOne.resultLo()));
    }

    @Test
    void countsAndFailuresAdd() {
        var f1 = new EnumMap<FailureKind, Long>(FailureKind.class);
        f1.put(FailureKind.TIMEOUT, 2L);
        var f2 = new EnumMap<FailureKind, Long>(FailureKind.class);
        f2.put(FailureKind.TIMEOUT, 3L);
        f2.put(FailureKind.HTTP_5XX, 1L);
        Tally a = new Tally(
                10, f1, 100, 1000, 7, 0, 5, Histograms.newLatency(), Histograms.newLatency(), Histograms.newLatency());
        Tally b = new Tally(
                20, f2, 200, 2000, 8, 1, 6, Histograms.newLatency(), Histograms.newLatency(), Histograms.newLatency());
        Tally sum = a.plus(b);
        assertThat(sum.items()).isEqualTo(36);
        assertThat(sum.failures()).containsEntry(FailureKind.TIMEOUT, 5L).containsEntry(FailureKind.HTTP_5XX, 1L);
        assertThat(sum.bytesUp()).isEqualTo(300);
        assertThat(sum.bytesDown()).isEqualTo(3000);
        assertThat(sum.bytesWritten()).isEqualTo(15);
        assertThat(sum.result()).isEqualTo(BigInteger.valueOf((1L << 32) + 11));
    }

    @Test
    void statusClassesMapToFailureKinds() {
        assertThat(FailureKind.ofStatus(200)).isNull();
        assertThat(FailureKind.ofStatus(302)).isNull();
        assertThat(FailureKind.ofStatus(404)).isEqualTo(FailureKind.HTTP_4XX);
        assertThat(FailureKind.ofStatus(503)).isEqualTo(FailureKind.HTTP_5XX);
        assertThat(FailureKind.RESET_IO.key()).isEqualTo("reset_io");
    }
}
