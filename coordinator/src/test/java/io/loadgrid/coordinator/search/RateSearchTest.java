package io.loadgrid.coordinator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** The search as data: a target whose capacity is known answers each proposed rate; nothing runs or sleeps. */
class RateSearchTest {
    private static RateSearch run(RateSearch s, DoublePredicate meets) {
        for (OptionalDouble r = s.next(); r.isPresent(); r = s.next()) {
            s.record(r.getAsDouble(), meets.test(r.getAsDouble()));
        }
        return s;
    }

    @Test
    void growsFourfoldThenHalvesTheBracketToWithinItsPrecisionThenConfirms() {
        RateSearch s = run(new RateSearch(100, 50_000, 0.05), r -> r <= 2_730);
        assertThat(s.best()).isBetween(2_730 / 1.05, 2_730.0);
        assertThat(s.failedAt()).isGreaterThan(2_730).isLessThanOrEqualTo(s.best() * 1.05);
        assertThat(s.steps()).extracting(RateSearch.Step::rate).startsWith(100.0, 400.0, 1600.0, 6400.0, 4000.0);
        assertThat(s.steps().getLast().confirm()).isTrue();
        assertThat(s.steps().getLast().rate()).isEqualTo(s.best());
        assertThat(s.confirmed()).isTrue();
        assertThat(s.atTop()).isFalse();
        assertThat(s.steps()).hasSizeLessThan(RateSearch.MAX_STEPS);
    }

    @Test
    void aFailedConfirmMovesTheUpperEndDown() {
        // the first run at 1,000 meets it by luck, the confirm at 1,000 does not: the best is found below it
        int[] at1000 = {0};
        RateSearch s = run(new RateSearch(250, 1_000, 0.05), r -> r <= 900 || (r == 1_000 && at1000[0]++ == 0));
        assertThat(s.best()).isBetween(900 / 1.05, 900.0);
        assertThat(s.steps())
                .filteredOn(RateSearch.Step::confirm)
                .extracting(RateSearch.Step::met)
                .contains(false);
    }

    @Test
    void whenTheRunsRunOutAtANoisyEdgeTheBestIsTheHighestRateBelowEveryMissUnconfirmed() {
        // every confirm misses: the edge flaps between runs
        RateSearch s = new RateSearch(100, 10_000, 0.05);
        for (OptionalDouble r = s.next(); r.isPresent(); r = s.next()) {
            double rate = r.getAsDouble();
            boolean confirm = s.steps().stream().anyMatch(st -> st.rate() == rate && st.met());
            s.record(rate, !confirm && rate <= 3_000);
        }
        assertThat(s.steps()).hasSize(RateSearch.MAX_STEPS);
        assertThat(s.confirmed()).isFalse();
        assertThat(s.best()).isPositive().isLessThan(s.failedAt());
    }

    @Test
    void theEndsOfTheRangeAreSaidSo() {
        RateSearch top = run(new RateSearch(100, 1_000, 0.05), r -> true);
        assertThat(top.best()).isEqualTo(1_000);
        assertThat(top.atTop()).isTrue();
        RateSearch none = run(new RateSearch(100, 1_000, 0.05), r -> false);
        assertThat(none.best()).isNaN();
        assertThat(none.steps()).hasSize(1);
        RateSearch tiny = run(new RateSearch(1, 10, 0.05), r -> r <= 1.3);
        assertThat(tiny.best()).isBetween(1.3 / 1.05, 1.3);
        assertThatThrownBy(() -> new RateSearch(0, 10, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }
}
