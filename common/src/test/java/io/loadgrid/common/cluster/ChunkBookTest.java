package io.loadgrid.common.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Split;
import io.loadgrid.common.workload.CpuKernel;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who gets which chunk: in order for a closed loop, by lane of the schedule with a rate, each chunk exactly once. */
class ChunkBookTest {
    static RunSpec spec(ModelConfig model, Double rate) {
        return new RunSpec(
                model,
                10,
                new Workload.Cpu(new CpuKernel.Squares()),
                4000,
                null,
                rate,
                null,
                0,
                Duration.ofSeconds(1),
                null,
                true);
    }

    static ChunkBook book(ModelConfig model, Double rate, Split split, String... agents) {
        return ChunkBook.of(ClusterPlan.of(spec(model, rate), 100, split, List.of(agents), "c"));
    }

    static List<Long> lease(ChunkBook b, String agent, int times) {
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            got.add(b.lease(agent));
        }
        return got;
    }

    @Test
    void aDynamicClosedLoopHandsOutChunksInOrderToWhoeverAsks() {
        ChunkBook b = book(new ModelConfig.Async(), null, Split.DYNAMIC, "a", "b");
        assertThat(lease(b, "a", 3)).containsExactly(0L, 1L, 2L);
        assertThat(lease(b, "b", 1)).containsExactly(3L);
    }

    @Test
    void aStaticClosedLoopGivesAgentKEveryKthChunk() {
        ChunkBook b = book(new ModelConfig.Async(), null, Split.STATIC, "a", "b");
        assertThat(lease(b, "a", 3)).containsExactly(0L, 2L, 4L);
        assertThat(lease(b, "b", 2)).containsExactly(1L, 3L);
    }

    /** The bug this layout fixes: whoever leased first took the whole front of the schedule, and the others waited. */
    @ParameterizedTest
    @EnumSource(Split.class)
    void withARateEachAgentRunsItsOwnLaneEvenWhenAnotherLeasesFirst(Split split) {
        ChunkBook b = book(new ModelConfig.Async(), 800.0, split, "a", "b");
        assertThat(b.lanes).isEqualTo(2);
        assertThat(lease(b, "a", 3)).containsExactly(0L, 2L, 4L);
        assertThat(lease(b, "b", 3)).containsExactly(1L, 3L, 5L);
    }

    @Test
    void withARateEachWorkerOfAMultiprocessAgentOwnsALane() {
        ChunkBook b = book(new ModelConfig.Multiprocess(2), 800.0, Split.DYNAMIC, "a", "b");
        assertThat(b.lanes).isEqualTo(4);
        assertThat(lease(b, "a", 4)).containsExactly(0L, 1L, 4L, 5L);
        assertThat(lease(b, "b", 2)).containsExactly(2L, 3L);
    }

    @ParameterizedTest
    @EnumSource(Split.class)
    void aLostAgentsLeasesAndLaneGoToTheOthers(Split split) {
        ChunkBook b = book(new ModelConfig.Async(), 800.0, split, "a", "b");
        assertThat(lease(b, "a", 2)).containsExactly(0L, 2L);
        assertThat(lease(b, "b", 2)).containsExactly(1L, 3L);
        assertThat(b.release("b")).containsExactly(1L, 3L);
        // the lost agent's leased chunks come first (they are late), then a's lane and b's, in schedule order
        assertThat(lease(b, "a", 5)).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(b.lease("b")).isEqualTo(ChunkBook.DONE);
    }

    @Test
    void aDynamicSplitTakesTheLaneOfAnAgentThatFellBehind() {
        ChunkBook b = book(new ModelConfig.Async(), 800.0, Split.DYNAMIC, "a", "b");
        b.lease("b");
        // a runs ahead; b's next chunk (group 1) is more than STEAL_LAG groups behind a's
        assertThat(lease(b, "a", ChunkBook.STEAL_LAG + 1)).containsExactly(0L, 2L, 4L, 6L);
        assertThat(b.lease("a")).as("b's group 1, taken over").isEqualTo(3L);
        assertThat(b.lease("a")).isEqualTo(8L);
        ChunkBook fixed = book(new ModelConfig.Async(), 800.0, Split.STATIC, "a", "b");
        fixed.lease("b");
        assertThat(lease(fixed, "a", ChunkBook.STEAL_LAG + 3)).doesNotContain(3L);
    }

    @ParameterizedTest
    @EnumSource(Split.class)
    void everyChunkIsLeasedExactlyOnceWhateverTheOrderOfAsking(Split split) {
        for (Double rate : new Double[] {null, 800.0}) {
            ChunkBook b = book(new ModelConfig.Multiprocess(2), rate, split, "a", "b", "c");
            Random random = new Random(7);
            Set<Long> got = new HashSet<>();
            String[] agents = {"a", "b", "c"};
            int waits = 0;
            while (got.size() < b.chunks && waits < 10_000) {
                String who = agents[random.nextInt(3)];
                if (got.size() == 10) {
                    b.release("c");
                }
                long c = b.lease(who);
                if (c >= 0) {
                    assertThat(got.add(c) || b.released > 0)
                            .as("chunk %d twice", c)
                            .isTrue();
                    b.committed(c, who);
                } else {
                    waits++;
                }
            }
            assertThat(got).as("rate %s", rate).hasSize((int) b.chunks);
            assertThat(b.lease("a")).isEqualTo(ChunkBook.DONE);
        }
    }
}
