package io.loadgrid.common.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every item lies in exactly one non-empty chunk, and finds that chunk by its index alone. */
class ChunkLayoutTest {
    @ParameterizedTest(name = "size {0}, {1} lane(s), {2} items")
    @CsvSource({"10, 1, 1003", "10, 2, 1003", "4, 3, 1003", "7, 5, 36", "7, 5, 3", "100, 4, 0", "1, 1, 1"})
    void everyItemIsInExactlyOneChunkAndFindsIt(long size, int lanes, long items) {
        ChunkLayout layout = new ChunkLayout(size, lanes, items);
        Set<Long> seen = new HashSet<>();
        for (long id = 0; id < layout.chunks(); id++) {
            Chunk c = layout.chunk(id);
            assertThat(c.count()).as("chunk %d", id).isBetween(1L, size);
            assertThat(c.stride()).isEqualTo(lanes);
            for (long j = 0; j < c.count(); j++) {
                long item = c.item(j);
                assertThat(item).isBetween(0L, items - 1);
                assertThat(seen.add(item)).as("item %d twice", item).isTrue();
                assertThat(layout.idOf(item)).isEqualTo(id);
            }
        }
        assertThat(seen).hasSize((int) items);
        assertThat(layout.chunk(layout.chunks()).count())
                .as("past the last chunk")
                .isZero();
    }

    @ParameterizedTest(name = "{0} lanes")
    @CsvSource({"2", "3"})
    void withLanesEveryChunkOfAGroupSpansTheSameStretchOfTheSchedule(int lanes) {
        ChunkLayout layout = new ChunkLayout(50, lanes, 10_000);
        for (long group = 0; group < 3; group++) {
            for (int lane = 0; lane < lanes; lane++) {
                Chunk c = layout.chunk(group * lanes + lane);
                assertThat(layout.lane(c.id())).isEqualTo(lane);
                assertThat(c.first()).isEqualTo(group * 50 * lanes + lane);
                assertThat(c.item(c.count() - 1)).isGreaterThan((group + 1) * 50 * lanes - lanes - 1);
            }
        }
    }

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"1", "64"})
    void oneLaneIsContiguousAndAnUnboundedRunHasFullChunks(long size) {
        ChunkLayout layout = new ChunkLayout(size, 1, -1);
        assertThat(layout.chunks()).isEqualTo(-1);
        assertThat(layout.chunk(5)).isEqualTo(new Chunk(5, 5 * size, 1, size));
        assertThat(layout.idOf(5 * size + size - 1)).isEqualTo(5);
    }
}
