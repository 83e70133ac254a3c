package io.loadgrid.report.results;

import java.util.List;

/**
 * What a cell's rate search found ({@code search:} in the plan): the highest constant rate that met the objectives,
 * confirmed by a second run at it (the cell's one kept run), and every run it took to get there.
 *
 * @param slo       the objectives, as written
 * @param bestRate  the highest rate that met them below every rate that missed them, items/s; null when even
 *                  {@code from} missed
 * @param confirmed a second run at the best rate met them too (the cell's kept run); false when the runs ran out at
 *                  an edge where runs at one rate disagreed: the best rate is then the last one that met them
 * @param atTop     the best rate is {@code to}: the objectives may hold above it too
 * @param failedAt  the lowest rate seen to miss them, null when none did
 * @param precision how close the bracket closed, a share of its lower end (0.05)
 */
public record SearchResult(
        String slo,
        double from,
        double to,
        Double bestRate,
        boolean confirmed,
        boolean atTop,
        Double failedAt,
        double precision,
        List<Step> steps) {

    /**
     * One paced run of the search.
     *
     * @param reqPerS   the responses per second it got
     * @param p99Ms     its p99 latency (intended start to last byte)
     * @param says      its verdicts, one phrase each
     * @param saturated     why its generator was saturated, or null
     * @param inFlightBound the most its requests in flight answer a second (Little's law: all of them over their
     *                      mean response time): a rate above it queues however fast the generator is
     */
    public record Step(
            double rate,
            boolean met,
            boolean confirm,
            double reqPerS,
            double p99Ms,
            String says,
            String saturated,
            double inFlightBound) {}
}
