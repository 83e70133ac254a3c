package io.loadgrid.coordinator.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The search for the highest constant rate that meets an objective, as data: it proposes a rate, is told whether the
 * run at that rate met it, and proposes the next. Growing fourfold from {@code from} until a rate fails (or {@code to}
 * is met), then halving the bracket until it is within {@code precision} of its lower end, then one confirm run at the
 * best rate found; a confirm that fails makes that rate the new upper end and the search goes on below it.
 */
public final class RateSearch {
    /** At most this many runs per search, whatever the bracket: a run costs seconds. */
    static final int MAX_STEPS = 24;
    /**
     * Each rate of the first phase is this many times the last: from 20/s, 50,000/s is six runs away, and the bracket
     * it leaves closes to 5% in seven more; doubling took eleven and five.
     */
    static final double GROWTH = 4;

    private final double from;
    private final double to;
    private final double precision;
    private final List<Step> steps = new ArrayList<>();
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private boolean confirming;
    private boolean confirmed;

    /** One run of the search: its rate, whether it met the objective, and whether it was the confirm run. */
    public record Step(double rate, boolean met, boolean confirm) {}

    public RateSearch(double from, double to, double precision) {
        if (!(from > 0 && to >= from && precision > 0)) {
            throw new IllegalArgumentException("a search needs 0 < from <= to and a precision above 0");
        }
        this.from = from;
        this.to = to;
        this.precision = precision;
    }

    /** The rate to run next, or empty when the search is over. */
    public OptionalDouble next() {
        if (confirmed || steps.size() >= MAX_STEPS) {
            return OptionalDouble.empty();
        }
        if (steps.isEmpty()) {
            return OptionalDouble.of(from);
        }
        if (Double.isNaN(lo)) {
            return OptionalDouble.empty(); // even the lowest rate missed it
        }
        if (Double.isNaN(hi)) {
            if (lo >= to) {
                return confirm();
            }
            return OptionalDouble.of(Math.min(to, lo * GROWTH));
        }
        if (hi - lo <= precision * lo) {
            return confirm();
        }
        double mid = (lo + hi) / 2;
        return OptionalDouble.of(hi - lo >= 2 ? Math.round(mid) : mid); // whole rates while they tell apart
    }

    private OptionalDouble confirm() {
        confirming = true;
        return OptionalDouble.of(lo);
    }

    /** What the run at {@code rate} (the one {@link #next} gave) showed. */
    public void record(double rate, boolean met) {
        steps.add(new Step(rate, met, confirming));
        if (confirming) {
            confirming = false;
            if (met) {
                confirmed = true;
                return;
            }
            hi = rate;
            lo = steps.stream()
                    .filter(s -> s.met() && s.rate() < rate)
                    .mapToDouble(Step::rate)
                    .max()
                    .orElse(Double.NaN);
            return;
        }
        if (met) {
            lo = Double.isNaN(lo) ? rate : Math.max(lo, rate);
        } else {
            hi = Double.isNaN(hi) ? rate : Math.min(hi, rate);
        }
    }

    /**
     * The highest rate that met the objective below every rate that missed it, or NaN when none did; {@link #confirmed}
     * says whether a second run at it met it too (when the runs ran out first, the edge was noisy).
     */
    public double best() {
        return lo;
    }

    /** Whether the rate {@link #next} gave is a confirm run of the best one. */
    public boolean confirming() {
        return confirming;
    }

    public boolean confirmed() {
        return confirmed;
    }

    /** Whether the best rate is the top of the range: the objective may hold above it too. */
    public boolean atTop() {
        return !Double.isNaN(lo) && lo >= to;
    }

    /** The lowest rate seen to miss the objective, or NaN. */
    public double failedAt() {
        return hi;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
