package io.loadgrid.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snapshots fall 100 ms after each whole second of the run, whenever an agent learnt of its start. */
class SnapshotGridTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long START = 50 * S;

    @Test
    void anAgentWaitingForTheStartTakesItsFirstSnapshotAtOneSecondAndAHundredMilliseconds() {
        assertThat(LiveReporting.firstSnapshotIn(START, START - 300 * MS)).isEqualTo(1_400 * MS);
        assertThat(LiveReporting.firstSnapshotIn(START, START)).isEqualTo(1_100 * MS);
    }

    @Test
    void anAgentThatLearntOfTheStartLateKeepsTheSameSeconds() {
        // 450 ms late: the next point of the grid is 1.1 s, not 450 ms + 1.1 s
        assertThat(LiveReporting.firstSnapshotIn(START, START + 450 * MS)).isEqualTo(650 * MS);
        assertThat(LiveReporting.firstSnapshotIn(START, START + 1_150 * MS)).isEqualTo(950 * MS);
        assertThat(LiveReporting.firstSnapshotIn(START, START + 1_100 * MS)).isEqualTo(S);
    }
}
