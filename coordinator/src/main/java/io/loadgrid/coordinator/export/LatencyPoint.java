package io.loadgrid.coordinator.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency distribution in Prometheus' terms, seconds: classic bucket counts, native bucket counts and the sum.
 * Made from a latency HdrHistogram (µs), where each recorded value is placed by its HdrHistogram bucket's highest
 * equivalent value (the value the run's percentiles report, so the export and results.json agree) and the sum uses
 * each bucket's middle value. Small and immutable, so finished runs keep this rather than their histograms.
 */
record LatencyPoint(long[] classic, Map<Integer, Long> nativeCounts, long zeroCount, double sum) {
    /**
     * Classic bucket bounds, seconds: 100 µs to a minute, at most 1.5x apart (1, 1.5, 2, 3, 4, 5, 7 per decade), so a
     * percentile interpolated inside a bucket is off by less than half a bucket.
     */
    static final double[] BOUNDS = bounds();
    /** Native schema 3: bucket bounds 2^(1/8) apart, about 9%. */
    static final int SCHEMA = 3;

    private static final double BUCKETS_PER_OCTAVE = 1 << SCHEMA;
    static final LatencyPoint EMPTY = new LatencyPoint(new long[BOUNDS.length], Map.of(), 0, 0);

    static LatencyPoint of(Histogram us) {
        if (us == null || us.getTotalCount() == 0) {
            return EMPTY;
        }
        long[] classic = new long[BOUNDS.length];
        Map<Integer, Long> nativeCounts = new TreeMap<>();
        long zero = 0;
        double sum = 0;
        for (HistogramIterationValue v : us.recordedValues()) {
            long count = v.getCountAtValueIteratedTo();
            double seconds = v.getValueIteratedTo() / 1e6;
            classic[classicIndex(seconds)] += count;
            if (seconds > 0) {
                nativeCounts.merge(nativeIndex(seconds), count, Long::sum);
            } else {
                zero += count;
            }
            sum += us.medianEquivalentValue(v.getValueIteratedTo()) / 1e6 * count;
        }
        return new LatencyPoint(classic, nativeCounts, zero, sum);
    }

    LatencyPoint plus(LatencyPoint o) {
        if (o == EMPTY) {
            return this;
        }
        long[] c = classic.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += o.classic[i];
        }
        Map<Integer, Long> n = new TreeMap<>(nativeCounts);
        o.nativeCounts.forEach((k, v) -> n.merge(k, v, Long::sum));
        return new LatencyPoint(c, n, zeroCount + o.zeroCount, sum + o.sum);
    }

    long count() {
        long n = 0;
        for (long c : classic) {
            n += c;
        }
        return n;
    }

    HistogramDataPointSnapshot point(Labels labels) {
        int[] indexes =
                nativeCounts.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] counts =
                nativeCounts.values().stream().mapToLong(Long::longValue).toArray();
        return new HistogramDataPointSnapshot(
                ClassicHistogramBuckets.of(BOUNDS, classic),
                SCHEMA,
                zeroCount,
                0,
                NativeHistogramBuckets.of(indexes, counts),
                NativeHistogramBuckets.EMPTY,
                sum,
                labels,
                Exemplars.EMPTY,
                0);
    }

    private static int classicIndex(double seconds) {
        int i = 0;
        while (seconds > BOUNDS[i]) {
            i++;
        }
        return i;
    }

    /** The native bucket holding {@code seconds} (> 0): bucket i covers (2^((i-1)/8), 2^(i/8)]. */
    static int nativeIndex(double seconds) {
        int i = (int) Math.ceil(Math.log(seconds) / Math.log(2) * BUCKETS_PER_OCTAVE);
        // the logarithm may land a hair off an exact bound; the bounds themselves decide
        while (upper(i - 1) >= seconds) {
            i--;
        }
        while (upper(i) < seconds) {
            i++;
        }
        return i;
    }

    static double upper(int index) {
        return Math.pow(2, index / BUCKETS_PER_OCTAVE);
    }

    private static double[] bounds() {
        double[] steps = {1, 1.5, 2, 3, 4, 5, 7};
        List<Double> out = new ArrayList<>();
        for (int exp = -4; exp <= 1; exp++) {
            for (double s : steps) {
                double b = Double.parseDouble(s + "e" + exp); // exact decimal bounds, not 1.5 * 1e-4 with its rounding
                if (b <= 60) {
                    out.add(b);
                }
            }
        }
        out.add(60.0);
        out.add(Double.POSITIVE_INFINITY);
        return out.stream().mapToDouble(Double::doubleValue).distinct().toArray();
    }
}
