package io.loadgrid.report.results;

import java.util.List;

/** One figure over a cell's repetitions: sample mean and sample standard deviation (n - 1), as hyperfine reports. */
public record Stat(int n, double mean, double stddev, double min, double max) {

    public static Stat of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            return new Stat(0, 0, 0, 0, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Stat(
                n,
                mean,
                sd,
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
