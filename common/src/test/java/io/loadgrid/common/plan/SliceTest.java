package io.loadgrid.common.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SliceTest {
    @Test
    void interleavedPartsCoverEveryItemExactlyOnce() {
        Slice all = Slice.of(1003);
        Set<Long> seen = new HashSet<>();
        long total = 0;
        for (int p = 0; p < 4; p++) {
            Slice s = all.interleave(p, 4);
            total += s.count();
            for (long k = 0; k < s.count(); k++) {
                assertThat(seen.add(s.first() + k * s.stride())).isTrue();
            }
        }
        assertThat(total).isEqualTo(1003);
        assertThat(seen).hasSize(1003).allMatch(i -> i >= 0 && i < 1003);
    }

    @Test
    void unboundedSlicesStayUnbounded() {
        assertThat(Slice.of(-1).interleave(1, 3)).isEqualTo(new Slice(1, 3, -1));
    }

    @Test
    void durationsParseWhatUsersType() {
        assertThat(Durations.parse("500ms", "--d")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m", "--d")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1.5", "--d")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> Durations.parse("soon", "--duration")).hasMessageContaining("--duration 'soon' is not a duration");
        assertThatThrownBy(() -> Durations.parse("0s", "--duration")).hasMessageContaining("longer than zero");
    }
}
