package io.loadgrid.common.slo;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.RunResult;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What objectives are judged on: the runs' merged latency histogram (intended start to last byte, as every table
 * reports it) and their summed counts. A cell's repetitions are one body of evidence: their histograms are added, their
 * responses and wall times summed, so an objective is never an average of percentiles.
 *
 * @param responses items that got an answer, as {@code req_per_s} counts them
 */
public record Evidence(Histogram latency, long items, long failed, double responses, double wallS) {

    public static Evidence of(List<RunResult> runs) {
        Histogram latency = Histograms.newLatency();
        long items = 0;
        long failed = 0;
        double responses = 0;
        double wall = 0;
        for (RunResult r : runs) {
            if (r.latency() != null && r.latency().latencyHistogram() != null) {
                Histograms.addEncoded(latency, r.latency().latencyHistogram());
            }
            items += r.counts().items();
            failed += r.counts().failed();
            responses += r.rates().reqPerS() * r.rates().wallS();
            wall += r.rates().wallS();
        }
        return new Evidence(latency, items, failed, responses, wall);
    }

    long latencyCount() {
        return latency.getTotalCount();
    }

    double latencyAtUs(double percentile) {
        return latency.getValueAtPercentile(percentile);
    }

    double latencyMaxUs() {
        return latency.getMaxValue();
    }

    double latencyMeanUs() {
        return latency.getMean();
    }
}
