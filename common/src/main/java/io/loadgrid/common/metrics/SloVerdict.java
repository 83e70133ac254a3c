package io.loadgrid.common.metrics;

/**
 * Whether one objective was met, as results.json, the tables and the JUnit file say it.
 *
 * @param slo      the objective as written (as {@code Slo#text()} keeps it)
 * @param measured the value in the objective's unit (4 significant digits), null when nothing was measured
 * @param says     one line for people: "p99 73.2 ms, needs < 50 ms"
 */
public record SloVerdict(String slo, boolean met, Double measured, String says) {
    /** How an unmet objective reads in every table and line, so that a reader's eye (and a grep) finds it. */
    public static final String UNMET = "NOT MET";

    /** An objective of a cell that did not run to its end: unmet, because nothing says it was met. */
    public static SloVerdict notJudged(String slo, String why) {
        return new SloVerdict(slo, false, null, "not judged: " + why);
    }

    public boolean judged() {
        return !says.startsWith("not judged: ");
    }
}
