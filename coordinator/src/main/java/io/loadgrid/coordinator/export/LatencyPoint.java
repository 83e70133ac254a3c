package io.loadgrid.coordinator.export;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.NativeHistogramBuckets;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Renders a latency HdrHistogram (µs) as one Prometheus histogram point in seconds, with classic buckets and native
 * buckets. Each recorded value is placed by its HdrHistogram bucket's highest equivalent value, the value the run's
 * percentiles report, so the exported distribution and results.json agree; the sum uses each bucket's middle value.
 */
final class LatencyPoint {
    /** Classic bucket bounds, seconds: 100 µs to a minute, about 2.5x apart. */
    static final double[] BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1, 2.5, 5, 10, 30, 60, Double.POSITIVE_INFINITY};
    /** Native schema 3: bucket bounds 2^(1/8) apart, about 9%. */
    static final int SCHEMA = 3;
    private static final double BUCKETS_PER_OCTAVE = 1 << SCHEMA;

    private LatencyPoint() {
    }

    static HistogramDataPointSnapshot of(Histogram us, Labels labels) {
        long[] classic = new long[BOUNDS.length];
        Map<Integer, Long> nativeCounts = new TreeMap<>();
        double sum = 0;
        for (HistogramIterationValue v : us.recordedValues()) {
            long count = v.getCountAtValueIteratedTo();
            double seconds = v.getValueIteratedTo() / 1e6;
            classic[classicIndex(seconds)] += count;
            nativeCounts.merge(nativeIndex(seconds), count, Long::sum);
            sum += us.medianEquivalentValue(v.getValueIteratedTo()) / 1e6 * count;
        }
        int[] indexes = nativeCounts.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] counts = nativeCounts.values().stream().mapToLong(Long::longValue).toArray();
        return new HistogramDataPointSnapshot(ClassicHistogramBuckets.of(BOUNDS, classic), SCHEMA, 0, 0,
                NativeHistogramBuckets.of(indexes, counts), NativeHistogramBuckets.EMPTY, sum, labels, Exemplars.EMPTY, 0);
    }

    private static int classicIndex(double seconds) {
        int i = 0;
        while (seconds > BOUNDS[i]) {
            i++;
        }
        return i;
    }

    /** The native bucket holding {@code seconds}: bucket i covers (2^((i-1)/8), 2^(i/8)]. */
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
}
