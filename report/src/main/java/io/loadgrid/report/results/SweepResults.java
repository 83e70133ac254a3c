package io.loadgrid.report.results;

import java.util.List;

/**
 * Everything a sweep measured: the document behind results.json, and the only input of the reports, so that
 * {@code ./loadgrid report DIR} renders exactly what the sweep wrote.
 *
 * @param schema bumped whenever a field changes meaning or goes away
 */
public record SweepResults(int schema, String sweepId, PlanInfo plan, Environment environment, List<CellResult> cells) {
    public static final int SCHEMA = 1;

    /**
     * The plan as it was run, with its text so that a resumed sweep runs the very same cells.
     *
     * @param search in a search plan, what each cell was put through instead of its repetitions, in words; else null
     */
    public record PlanInfo(
            String name, String description, String file, int repetitions, int warmups, String source, String search) {
        /** How each cell was measured, for a report's opening lines. */
        public String measured() {
            return search != null
                    ? "Each cell searched for " + search + "; its tables show the confirm run at that rate."
                    : repetitions + " measured run(s) per cell after " + warmups + " warm-up(s).";
        }
    }
}
