package io.loadgrid.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every item lands in its chunk's tally, each chunk commits exactly once, and the chunks add up to the node's total. */
class ChunkLedgerTest {
    @Test
    void chunksCommitOnceWhenTheirLastItemFinishesAndSumToTheTotal() throws Exception {
        Map<Long, Tally> committed = new ConcurrentHashMap<>();
        AtomicLong commits = new AtomicLong();
        ChunkLedger ledger = new ChunkLedger(1000, (chunk, tally) -> {
            commits.incrementAndGet();
            committed.put(chunk.id(), tally);
        });
        LiveTally t = new LiveTally(new WireCounter(), ledger);
        for (long c = 0; c < 40; c++) {
            ledger.open(Chunk.of(c, 1000, 39_500));
        }
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int w = 0; w < 4; w++) {
                pool.execute(() -> {
                    for (long i = next.getAndIncrement(); i < 39_500; i = next.getAndIncrement()) {
                        t.result(i, i);
                        if (i % 97 == 0) {
                            t.failed(i, FailureKind.CONNECT);
                        } else {
                            t.completed(i, 0, 1000, 1000 + 1000 * (i % 500 + 1));
                        }
                    }
                });
            }
        }
        assertThat(commits.get()).isEqualTo(40);
        Tally sum = committed.values().stream().reduce(Tally.empty(), Tally::plus);
        Tally total = t.total();
        assertThat(sum.items()).isEqualTo(39_500);
        assertThat(sum.ok()).isEqualTo(total.ok());
        assertThat(sum.failures()).isEqualTo(total.failures());
        assertThat(sum.result()).isEqualTo(total.result());
        assertThat(sum.latency()).isEqualTo(total.latency());
        assertThat(committed.get(39L).items()).isEqualTo(500);
    }

    @Test
    void flushCommitsPartlyDoneChunks() {
        Map<Long, Tally> committed = new ConcurrentHashMap<>();
        ChunkLedger ledger = new ChunkLedger(10, (chunk, tally) -> committed.put(chunk.id(), tally));
        LiveTally t = new LiveTally(new WireCounter(), ledger);
        ledger.open(Chunk.of(3, 10, -1));
        for (long i = 30; i < 34; i++) {
            t.completed(i, 0, 0, 1000);
        }
        assertThat(committed).isEmpty();
        ledger.flush();
        assertThat(committed.get(3L).ok()).isEqualTo(4);
    }
}
