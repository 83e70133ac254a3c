package io.loadgrid.common.codec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users type: 500ms, 10s, 2m, 1h, or plain seconds. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private Durations() {}

    public static Duration parse(String text, String option) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    option + " '" + text + "' is not a duration; use e.g. 500ms, 30s, 2m or 1h");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        if (ms <= 0) {
            throw new IllegalArgumentException(option + " must be longer than zero, got '" + text + "'");
        }
        // rounded, not truncated: 1.005ms is 1,005,000 ns, though 1.005 * 1e6 is 1,004,999.99...
        return Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    /** {@code d} as {@link #parse} reads it back, in the largest unit that keeps it whole: 2m, 30s, 500ms. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (Duration.ofMillis(ms).equals(d) && ms > 0) {
            if (ms % 3_600_000 == 0) {
                return ms / 3_600_000 + "h";
            }
            if (ms % 60_000 == 0) {
                return ms / 60_000 + "m";
            }
            return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        }
        return java.math.BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
    }
}
