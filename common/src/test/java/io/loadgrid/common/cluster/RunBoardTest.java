package io.loadgrid.common.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A run's structures on a real Hazelcast member (loopback, a cluster of its own): typed in, typed out. */
class RunBoardTest {
    static HazelcastInstance hz;

    @BeforeAll
    static void member() {
        hz = Hazelcast.newHazelcastInstance(MemberConfig.of(
                new ClusterSettings(
                        "run-board-test-" + ProcessHandle.current().pid(), List.of(), "127.0.0.1", 5901, new byte[0]),
                false,
                Map.of()));
    }

    @AfterAll
    static void shutdown() {
        hz.shutdown();
    }

    static ChunkBook book() {
        return ChunkBook.of(ClusterPlan.of(
                ChunkBookTest.spec(new ModelConfig.Async(), 800.0), 100, Split.DYNAMIC, List.of("a", "b"), "c"));
    }

    @Test
    void theBookChangesInPlaceWhereItLivesAndEveryOperationAnswersAsTheBookItself() {
        RunBoard board = new RunBoard(hz, "r1");
        ChunkBook local = book();
        board.openBook(book());
        for (int i = 0; i < 7; i++) {
            assertThat(board.lease(i % 2 == 0 ? "a" : "b")).isEqualTo(local.lease(i % 2 == 0 ? "a" : "b"));
        }
        board.committed("a", 0);
        local.committed(0, "a");
        board.giveBack("b", 1);
        local.giveBack(1, "b");
        assertThat(board.release("b")).isEqualTo(local.release("b"));
        assertThat(board.lease("a")).isEqualTo(local.lease("a"));
        board.stopBook();
        assertThat(board.lease("a")).isEqualTo(ChunkBook.DONE);
        board.clear(List.of("a", "b"));
        assertThat(board.lease("a"))
                .as("a run whose book is gone hands out nothing")
                .isEqualTo(ChunkBook.DONE);
    }

    @Test
    void aBookSurvivesSerializationWithEveryField() {
        ChunkBook b = book();
        List<Long> leased = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            leased.add(b.lease(i % 3 == 0 ? "b" : "a"));
        }
        b.giveBack(leased.get(1), "a");
        b.release("b");
        // a map in the default (binary) format stores a serialized copy
        IMap<String, ChunkBook> binary = hz.getMap("run-board-test-binary");
        binary.set("b", b);
        ChunkBook copy = binary.get("b");
        assertThat(copy).usingRecursiveComparison().isEqualTo(b);
        for (int i = 0; i < 20; i++) {
            assertThat(copy.lease("a")).isEqualTo(b.lease("a"));
        }
    }

    @Test
    void aChunkResultIsStoredOnceAndTheFirstOneWins() {
        RunBoard board = new RunBoard(hz, "r2");
        ChunkResult first = new ChunkResult(3, "a", Tally.empty().encode());
        assertThat(board.commit(first)).isNull();
        assertThat(board.commit(new ChunkResult(3, "b", Tally.empty().encode())))
                .isEqualTo(first);
        assertThat(board.results()).containsExactly(first);
        board.clear(List.of());
        assertThat(board.results()).isEmpty();
    }
}
