package io.loadgrid.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TakenRunsTest {
    @Test
    void aRunIsTakenOnceAndRememberedWhateverTheClockSays() {
        TakenRuns taken = new TakenRuns();
        assertThat(taken.first("run-a")).isTrue();
        assertThat(taken.first("run-b")).isTrue();
        assertThat(taken.first("run-a")).as("offered again").isFalse();
        // 99,998 more runs: still within what is kept, so run-a is still known
        for (int i = 0; i < 99_998; i++) {
            assertThat(taken.first("more-" + i)).isTrue();
        }
        assertThat(taken.first("run-a")).isFalse();
        // one more pushes out the eldest (run-a): memory is bounded
        assertThat(taken.first("one-more")).isTrue();
        assertThat(taken.first("run-a")).isTrue();
    }
}
