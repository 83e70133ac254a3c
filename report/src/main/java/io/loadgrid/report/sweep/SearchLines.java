package io.loadgrid.report.sweep;

import io.loadgrid.report.results.SearchResult;
import java.util.Locale;
import java.util.Optional;

/** What a cell's rate search found, in one phrase: the same in the terminal, the tables and the comparisons. */
public final class SearchLines {
    /** Asked above this share of what its requests in flight answer, a rate cannot be kept by them. */
    static final double BOUND_SHARE = 0.95;
    /** A mean response time within 1.2 times the search's lowest is still the unloaded one. */
    static final double UNLOADED_SHARE = 1 / 1.2;

    private SearchLines() {}

    public static String of(SearchResult s) {
        String runs = s.steps().size() + (s.steps().size() == 1 ? " run" : " runs");
        if (s.bestRate() == null) {
            return "no rate from " + rate(s.from()) + " items/s up met " + s.slo() + " (" + runs + ")";
        }
        String best = (s.atTop() ? "≥ " : "") + rate(s.bestRate()) + " items/s"
                + (s.confirmed() ? "" : " (unconfirmed: runs at the edge disagreed until the runs ran out)");
        SearchResult.Step at = s.steps().stream()
                .filter(st -> st.met() && st.rate() == s.bestRate())
                .reduce((a, b) -> b)
                .orElseThrow();
        String p99 = String.format(Locale.ROOT, "p99 %.2f ms there", at.p99Ms());
        String bound = s.atTop()
                ? "; the top of the range: raise to"
                : "; "
                        + limit(s).orElse(
                                        s.failedAt() == null
                                                ? "stopped before any rate missed"
                                                : rate(s.failedAt()) + " items/s missed it");
        return "max " + best + " at " + s.slo() + " (" + p99 + ", " + runs + bound + ")";
    }

    /**
     * What set the limit, from the first run that missed at or above it: the cell's own requests in flight when the
     * rate asked was above what they answer at an unloaded response time (Little's law), else the generator when it
     * was saturated, else the response times, which grew; empty when the objectives missed at unchanged ones.
     */
    static Optional<String> limit(SearchResult s) {
        if (s.failedAt() == null) {
            return Optional.empty();
        }
        // what the requests in flight answered at the lowest response times of the search: its unloaded bound
        double unloaded = s.steps().stream()
                .filter(SearchResult.Step::met)
                .mapToDouble(SearchResult.Step::inFlightBound)
                .max()
                .orElse(0);
        for (SearchResult.Step step : s.steps()) {
            if (step.met() || step.rate() < s.failedAt()) {
                continue;
            }
            // response times that grew under load lower the bound too: then the bound is not the cause
            boolean unloadedTimes = step.inFlightBound() >= UNLOADED_SHARE * unloaded;
            if (unloadedTimes && step.inFlightBound() > 0 && step.rate() > BOUND_SHARE * step.inFlightBound()) {
                return Optional.of(Fmt.f(
                        "its requests in flight set the limit: at %s/s asked they answer at most %,.0f/s at their"
                                + " mean response time",
                        rate(step.rate()), step.inFlightBound()));
            }
            if (step.saturated() != null) {
                return Optional.of(HtmlText.SATURATED_SIGN + " the generator set the limit at " + rate(step.rate())
                        + "/s: " + step.saturated());
            }
            if (!unloadedTimes && step.inFlightBound() > 0) {
                return Optional.of(Fmt.f(
                        "the response times grew: at %s/s asked the mean was %.1f times the search's lowest",
                        rate(step.rate()), unloaded / step.inFlightBound()));
            }
        }
        return Optional.empty();
    }

    /** Whether the limit found is the generator's own, not the target's nor the cell's requests in flight. */
    static boolean generatorBound(SearchResult s) {
        return limit(s).filter(l -> l.startsWith(HtmlText.SATURATED_SIGN)).isPresent();
    }

    static String rate(double r) {
        return r == Math.rint(r) ? Fmt.f("%,d", (long) r) : Fmt.f("%,.2f", r);
    }
}
