package io.loadgrid.common.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load shapes as data: parsed once, their schedule and their open slots computed, no clock involved. */
class LoadShapeTest {
    private static final long MS = 1_000_000;

    @Test
    void readsHoldsAndRampsAndWritesThemBackAsTyped() {
        LoadShape s = LoadShape.parse("10s->2000/s, 30s@2000/s,500ms->0/s");
        assertThat(s.open()).isTrue();
        assertThat(s.stages())
                .containsExactly(
                        new LoadShape.Stage(10_000 * MS, 0, 2000),
                        new LoadShape.Stage(30_000 * MS, 2000, 2000),
                        new LoadShape.Stage(500 * MS, 2000, 0));
        assertThat(s.text()).isEqualTo("10s->2000/s,30s@2000/s,500ms->0/s");
        assertThat(LoadShape.parse(s.text())).isEqualTo(s);
        assertThat(s.duration()).isEqualTo(Duration.ofMillis(40_500));
        assertThat(s.peak()).isEqualTo(2000);

        LoadShape closed = LoadShape.parse("1m->100,2m@100,90s->0");
        assertThat(closed.open()).isFalse();
        assertThat(closed.text()).isEqualTo("1m->100,2m@100,90s->0");
        assertThat(closed.peak()).isEqualTo(100);
    }

    @Test
    void refusesWhatIsNotAShapeInOneLineThatShowsTheForm() {
        assertThatThrownBy(() -> LoadShape.parse("10s"))
                .hasMessageContaining("'10s' is not DURATION@LEVEL or DURATION->LEVEL")
                .hasMessageContaining("10s->2000/s");
        assertThatThrownBy(() -> LoadShape.parse("10s->100/s,10s->5")).hasMessageContaining("mixes rates");
        assertThatThrownBy(() -> LoadShape.parse("0s@100/s")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> LoadShape.parse("10s->2.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadShape.parse("5s@0,5s->0")).hasMessageContaining("nothing would run");
        assertThatThrownBy(() -> LoadShape.parse("5s@-3/s")).hasMessageContaining("is not DURATION");
    }

    @Test
    void aHoldIsAConstantRateAndStepsFollowEachOther() {
        RateStages steps = (RateStages) LoadShape.parse("1s@100/s,1s@200/s").profile();
        assertThat(steps.items()).isEqualTo(300);
        assertThat(steps.intendedOffsetNanos(0)).isZero();
        assertThat(steps.intendedOffsetNanos(99)).isEqualTo(990 * MS);
        // the second step begins at 1 s with item 100, then 5 ms apart
        assertThat(steps.intendedOffsetNanos(100)).isEqualTo(1000 * MS);
        assertThat(steps.intendedOffsetNanos(101)).isEqualTo(1005 * MS);
        assertThat(steps.intendedOffsetNanos(299)).isEqualTo(1995 * MS);
    }

    @Test
    void aRampPlacesItemKWhereItsArrivalsReachK() {
        // 0 -> 1000/s over 10 s: 5,000 items, item k at sqrt(2 * 10 * k / 1000) s
        RateStages ramp = (RateStages) LoadShape.parse("10s->1000/s").profile();
        assertThat(ramp.items()).isEqualTo(5000);
        for (long k : new long[] {0, 1, 50, 1234, 4999}) {
            assertThat(ramp.intendedOffsetNanos(k) / 1e9).isCloseTo(Math.sqrt(20.0 * k / 1000), within(1e-6));
        }
        // a ramp from 100 to 300/s over 2 s: 400 items, the rate at item k's slot grows linearly
        RateStages up = (RateStages) LoadShape.parse("1s@100/s,2s->300/s").profile();
        assertThat(up.items()).isEqualTo(100 + 400);
        double mid = up.intendedOffsetNanos(100 + 150) / 1e9 - 1; // 100 t + 50 t^2 = 150: t = 1
        assertThat(mid).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void theScheduleNeverGoesBackAndEndsWithTheShape() {
        RateStages shape = (RateStages)
                LoadShape.parse("2s->500/s,1s@500/s,2s@0/s,1s->200/s,3s->0/s").profile();
        // 500 + 500 + 0 + 100 + 300
        assertThat(shape.items()).isEqualTo(1400);
        long last = -1;
        for (long k = 0; k < shape.items(); k++) {
            long at = shape.intendedOffsetNanos(k);
            assertThat(at).isGreaterThanOrEqualTo(last);
            last = at;
        }
        assertThat(last).isLessThan(9_000 * MS);
        // the pause at 0/s schedules nothing: item 1000 opens the ramp that follows it, at 5 s
        assertThat(shape.intendedOffsetNanos(999)).isLessThan(3_000 * MS);
        assertThat(shape.intendedOffsetNanos(1000)).isEqualTo(5_000 * MS);
    }

    @Test
    void aClosedShapeOpensSlotJWhileItsLevelIsAboveJ() {
        LoadProfile p = LoadShape.parse("1s->4,1s@4,1s@1,1s->0").profile();
        assertThat(p.gated()).isTrue();
        assertThat(p.scheduled()).isFalse();
        // the ramp 0 -> 4 over 1 s passes slot j at (j / 4) s; a slot opens just after its level is crossed
        assertThat(p.slotOpensAt(0, 0)).isEqualTo(1);
        assertThat(p.slotOpensAt(1, 0)).isEqualTo(250 * MS + 1);
        assertThat(p.slotOpensAt(3, 0)).isEqualTo(750 * MS + 1);
        assertThat(p.slotOpensAt(3, 1500 * MS)).isEqualTo(1500 * MS);
        // at 1 in flight from 2 s only slot 0 is open, and it stays open as the last ramp goes down to 0
        assertThat(p.slotOpensAt(0, 2500 * MS)).isEqualTo(2500 * MS);
        assertThat(p.slotOpensAt(0, 3500 * MS)).isEqualTo(3500 * MS);
        assertThat(p.slotOpensAt(1, 2000 * MS)).isEqualTo(-1);
        assertThat(p.slotOpensAt(0, 4000 * MS)).isEqualTo(-1);
        // a slot closed now that opens again later is told when
        LoadProfile dip = LoadShape.parse("1s@3,1s@1,1s@3").profile();
        assertThat(dip.slotOpensAt(2, 1200 * MS)).isEqualTo(2000 * MS);
    }

    @Test
    void partsInterleaveTheSlotsSoEveryPartHoldsItsShareAtEveryLevel() {
        ManualClock clock = new ManualClock();
        LoadProfile p = LoadShape.parse("1s@5").profile();
        Pacer node = new Pacer(p, clock, 0);
        // 5 slots over 2 workers: worker 0 holds slots 0, 2, 4 and worker 1 slots 1, 3; a worker's loop 1 of 2
        // holds every other slot of its worker's
        List<Integer> open = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            for (int lane = 0; lane < 4; lane++) {
                if (node.part(part, 2).laneOpens(lane) >= 0) {
                    open.add(part + 2 * lane);
                }
            }
        }
        assertThat(open).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(node.part(0, 2).part(1, 2).laneOpens(0)).isZero(); // slot 2
        assertThat(node.part(0, 2).part(1, 2).laneOpens(1)).isEqualTo(-1); // slot 6
        assertThat(node.part(1, 2).part(0, 2).laneOpens(1)).isEqualTo(-1); // slot 5
    }

    @Test
    void aPacerTellsALaneWhenItOpensOnItsOwnClock() {
        ManualClock clock = new ManualClock();
        clock.now = 7_000;
        Pacer pacer = new Pacer(LoadShape.parse("1s@1,1s@2").profile(), clock, 7_000);
        assertThat(pacer.gated()).isTrue();
        assertThat(pacer.laneOpens(0)).isEqualTo(7_000);
        assertThat(pacer.laneOpens(1)).isEqualTo(7_000 + 1000 * MS);
        clock.now += 1500 * MS;
        assertThat(pacer.laneOpens(1)).isEqualTo(clock.now);
        clock.now += 600 * MS;
        assertThat(pacer.laneOpens(0)).isEqualTo(-1);
        assertThat(new Pacer(new LoadProfile.ClosedLoop(), clock, 0).gated()).isFalse();
    }
}
