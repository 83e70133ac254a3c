package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.coordinator.request.RunValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell as the values {@code ./loadgrid run} would have been given, so that a cell is checked and run by exactly
 * the code a single run goes through ({@code RunRequest.of}), and the two cannot drift apart.
 */
public final class CellOptions {
    private static final Pattern OPTION = Pattern.compile("--([a-z]+(?:-[a-z]+)*)");

    private CellOptions() {}

    /**
     * Numbers may come as any {@link Number}: params read back from a results file have lost Long versus Integer.
     *
     * @throws IllegalArgumentException for a key that is not a cell parameter
     */
    public static RunValues of(Map<String, Object> params) {
        Map<String, Object> run = new LinkedHashMap<>(params);
        run.remove(PlanKeys.NAME);
        run.remove(PlanKeys.GROUP);
        return RunValues.fromKeys(run);
    }

    /**
     * A run-option message in plan words: "--threads 100 exceeds --concurrency 10" becomes "threads 100 exceeds
     * concurrency 10".
     */
    static String inPlanTerms(String message) {
        Matcher m = OPTION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = RunParams.byOption(m.group())
                    .map(Param::key)
                    .orElse(m.group(1).replace('-', '_'));
            m.appendReplacement(out, Matcher.quoteReplacement(key));
        }
        return m.appendTail(out).toString();
    }
}
