package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.PoolMode;
import io.loadgrid.coordinator.cli.RunOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell as the command line {@code ./loadgrid run} would have been given, so that a cell is checked and run by
 * exactly the code a single run goes through, and the two cannot drift apart.
 */
public final class CellOptions {
    private static final Pattern OPTION = Pattern.compile("--([a-z]+(?:-[a-z]+)*)");

    private CellOptions() {
    }

    /**
     * Numbers may come as any {@link Number}: params read back from a results file have lost Long versus Integer.
     *
     * @throws IllegalArgumentException for a key that is not a cell parameter
     */
    public static RunOptions of(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!Param.KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a cell parameter; use one of " + String.join(", ", Param.KEYS));
            }
        }
        return new RunOptions(ModelName.parse(text(params, Param.MODEL)), integer(params, Param.CONCURRENCY),
                count(params, Param.ITEMS), text(params, Param.DURATION), number(params, Param.RATE),
                text(params, Param.WORKLOAD), text(params, Param.BASE), text(params, Param.URL), text(params, Param.SINK),
                Path.of(text(params, Param.SINK_FILE)), null, integer(params, Param.BATCH),
                PoolMode.valueOf(text(params, Param.POOL).toUpperCase(Locale.ROOT)), integer(params, Param.THREADS),
                integer(params, Param.PROCESSES), text(params, Param.TIMEOUT), integer(params, Param.ITERATIONS),
                Boolean.parseBoolean(text(params, Param.ACCEPT_HTTP_ERRORS)), number(params, Param.TARGET_LATENCY_MS),
                integer(params, Param.AGENTS), text(params, Param.SPLIT), count(params, Param.CHUNK),
                Boolean.parseBoolean(text(params, Param.PREWARM)));
    }

    /** A run-option message in plan words: "--threads 100 exceeds --concurrency 10" becomes "threads 100 exceeds concurrency 10". */
    static String inPlanTerms(String message) {
        Matcher m = OPTION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String option = m.group();
            String key = Arrays.stream(Param.values()).filter(p -> p.option().equals(option)).map(Param::key).findFirst()
                    .orElse(m.group(1).replace('-', '_'));
            m.appendReplacement(out, Matcher.quoteReplacement(key));
        }
        return m.appendTail(out).toString();
    }

    private static Object value(Map<String, Object> params, Param p) {
        return params.getOrDefault(p.key(), p.cliDefault());
    }

    private static String text(Map<String, Object> params, Param p) {
        Object v = value(params, p);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, Object> params, Param p) {
        Number n = number(value(params, p), p);
        return n == null ? null : n.intValue();
    }

    private static Long count(Map<String, Object> params, Param p) {
        Number n = number(value(params, p), p);
        return n == null ? null : n.longValue();
    }

    private static Double number(Map<String, Object> params, Param p) {
        Number n = number(value(params, p), p);
        return n == null ? null : n.doubleValue();
    }

    private static Number number(Object v, Param p) {
        if (v == null || v instanceof Number) {
            return (Number) v;
        }
        throw new IllegalArgumentException(p.key() + " must be a number, got '" + v + "'");
    }
}
