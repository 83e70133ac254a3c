package io.loadgrid.report.sweep;

import io.loadgrid.report.results.Stat;
import java.util.Locale;

/** How a sweep's numbers read: mean ± stddev (the ± only when there were repetitions to spread). */
final class Fmt {
    private Fmt() {}

    static String pm(Stat s, String format) {
        if (s == null || s.n() == 0) {
            return "-";
        }
        String mean = String.format(Locale.ROOT, format, s.mean());
        // a spread of exactly zero (item counts, cores) says nothing; hyperfine's ± is for figures that vary
        return s.n() > 1 && s.stddev() > 0 ? mean + " ± " + String.format(Locale.ROOT, format, s.stddev()) : mean;
    }

    /** avg and max figures as the seeds wrote them: "95.01% (avg) / 104.2% (max)". */
    static String avgMax(Stat avg, Stat max, String unit) {
        if (avg == null || avg.n() == 0) {
            return "-";
        }
        return pm(avg, "%.2f") + unit + " (avg) / " + pm(max, "%.1f") + unit + " (max)";
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1e3);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A Stat whose values were divided by {@code by}, for unit changes (bytes/s to KB/s). */
    static Stat scaled(Stat s, double by) {
        return s == null ? null : new Stat(s.n(), s.mean() / by, s.stddev() / by, s.min() / by, s.max() / by);
    }
}
