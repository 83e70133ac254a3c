package io.loadgrid.common.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerTest {
    private final ManualClock clock = new ManualClock();

    @Test
    void constantRateSpacesItemsEvenlyFromTheStart() {
        clock.now = 5_000;
        Pacer pacer = new Pacer(new LoadProfile.ConstantRate(1000), clock, 5_000);
        assertThat(pacer.intendedStart(0)).isEqualTo(5_000);
        assertThat(pacer.intendedStart(1)).isEqualTo(5_000 + 1_000_000);
        assertThat(pacer.intendedStart(250)).isEqualTo(5_000 + 250_000_000L);
    }

    @Test
    void awaitingASlotSleepsExactlyUntilIt() throws InterruptedException {
        Pacer pacer = new Pacer(new LoadProfile.ConstantRate(4), clock, 0);
        assertThat(pacer.awaitStart(3)).isEqualTo(750_000_000L);
        assertThat(clock.now).isEqualTo(750_000_000L);
        assertThat(clock.slept).isEqualTo(750_000_000L);
    }

    @Test
    void aLateSenderDoesNotWaitAndKeepsItsScheduledStartForLatency() throws InterruptedException {
        Pacer pacer = new Pacer(new LoadProfile.ConstantRate(10), clock, 0);
        clock.now = 2_000_000_000L; // the sender was stuck for two seconds
        assertThat(pacer.awaitStart(5)).isEqualTo(500_000_000L);
        assertThat(clock.slept).isZero();
    }

    @Test
    void closedLoopStartsAnItemWhenASenderTakesIt() throws InterruptedException {
        Pacer pacer = new Pacer(new LoadProfile.ClosedLoop(), clock, 0);
        clock.now = 123;
        assertThat(pacer.awaitStart(1_000_000)).isEqualTo(123);
        assertThat(clock.slept).isZero();
        assertThat(new LoadProfile.ClosedLoop().scheduled()).isFalse();
        assertThat(new LoadProfile.ConstantRate(5).scheduled()).isTrue();
    }

    @Test
    void rejectsRatesThatCannotPace() {
        assertThatThrownBy(() -> new LoadProfile.ConstantRate(0)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> new LoadProfile.ConstantRate(Double.NaN)).hasMessageContaining("--rate");
    }
}
