package io.loadgrid.report.compare;

import java.util.Locale;

/**
 * One figure of one cell, before (A) and after (B).
 *
 * @param saturated  the generator saturated in A or B, so the figure may measure the generator
 * @param regression worse by more than the threshold and, when both sides have a spread, by more than twice their
 *                   combined stddev: a change inside the noise is not a regression
 */
public record Change(
        String cell,
        String name,
        String figure,
        String unit,
        double a,
        double b,
        double pct,
        boolean regression,
        boolean saturated) {

    public String verdict() {
        return regression ? "REGRESSION" : "ok";
    }

    public String[] row() {
        return new String[] {
            cell,
            name + (saturated ? " ⚠" : ""),
            figure,
            fmt(a) + " " + unit,
            fmt(b) + " " + unit,
            String.format(Locale.ROOT, "%+.1f%%", pct),
            verdict()
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%,.2f", v);
    }
}
