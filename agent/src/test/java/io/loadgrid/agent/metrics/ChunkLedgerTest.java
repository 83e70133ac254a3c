package io.loadgrid.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ChunkLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every item lands in its chunk's tally, each chunk commits exactly once, and the chunks add up to the node's total.
 */
class ChunkLedgerTest {
    @ParameterizedTest(name = "{0} lane(s)")
    @ValueSource(ints = {1, 3})
    void chunksCommitOnceWhenTheirLastItemFinishesAndSumToTheTotal(int lanes) throws Exception {
        Map<Long, Tally> committed = new ConcurrentHashMap<>();
        AtomicLong commits = new AtomicLong();
        ChunkLayout layout = new ChunkLayout(1000, lanes, 39_500);
        ChunkLedger ledger = new ChunkLedger(layout, (chunk, tally) -> {
            commits.incrementAndGet();
            committed.put(chunk.id(), tally);
        });
        LiveTally t = new LiveTally(new WireCounter(), ledger);
        for (long c = 0; c < layout.chunks(); c++) {
            ledger.open(layout.chunk(c));
        }
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                pool.execute(() -> {
                    for (long i = next.getAndIncrement(); i < 39_500; i = next.getAndIncrement()) {
                        t.result(i, i);
                        if (i % 97 == 0) {
                            t.failed(i, FailureKind.CONNECT, 0, 1000);
                        } else {
                            t.completed(i, 0, 1000, 1000 + 1000 * (i % 500 + 1));
                        }
                    }
                });
            }
        }
        assertThat(commits.get()).isEqualTo(lanes == 1 ? 40 : 42).isEqualTo(layout.chunks());
        Tally sum = committed.values().stream().reduce(Tally.empty(), Tally::plus);
        Tally total = t.total();
        assertThat(sum.items()).isEqualTo(39_500);
        assertThat(sum.ok()).isEqualTo(total.ok());
        assertThat(sum.failures()).isEqualTo(total.failures());
        assertThat(sum.result()).isEqualTo(total.result());
        assertThat(sum.latency()).isEqualTo(total.latency());
        assertThat(sum.lag()).isEqualTo(total.lag());
        assertThat(sum.lag().getTotalCount()).as("every item, failed ones too").isEqualTo(39_500);
        // the last group holds 500 items: one chunk of them, or each lane's every third
        assertThat(committed.get(layout.chunks() - 1).items()).isEqualTo(lanes == 1 ? 500 : 166);
    }

    @Test
    void flushCommitsPartlyDoneChunks() {
        Map<Long, Tally> committed = new ConcurrentHashMap<>();
        ChunkLayout layout = new ChunkLayout(10, 1, -1);
        ChunkLedger ledger = new ChunkLedger(layout, (chunk, tally) -> committed.put(chunk.id(), tally));
        LiveTally t = new LiveTally(new WireCounter(), ledger);
        ledger.open(layout.chunk(3));
        for (long i = 30; i < 34; i++) {
            t.completed(i, 0, 0, 1000);
        }
        assertThat(committed).isEmpty();
        ledger.flush();
        assertThat(committed.get(3L).ok()).isEqualTo(4);
    }
}
