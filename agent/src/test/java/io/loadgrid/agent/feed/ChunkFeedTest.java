package io.loadgrid.agent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The feed between the chunk book and the senders, on a real (in-JVM) book: every item once, chunks routed to their
 * lane's worker, nothing handed out after a stop, and leased chunks that never started given back.
 */
class ChunkFeedTest {
    private static final Workload HTTP = new Workload.Http("t", new UrlTemplate("http://127.0.0.1:1/x/{i}"), true);

    private static RunSpec spec(ModelConfig model, long items, Double rate) {
        return new RunSpec(model, 8, HTTP, items, null, rate, null, 0, Duration.ofSeconds(1), null, false);
    }

    private static ChunkFeed feed(LocalBook book, int senders) {
        return new ChunkFeed(book, new ChunkLedger(book.plan().layout(), (c, t) -> {}), senders);
    }

    /** Items until the feed says DONE; LATER (the next chunk is on its way) is asked again. */
    private static List<Long> drain(ChunkFeed feed) {
        List<Long> out = new ArrayList<>();
        for (long i = feed.next(); i != Items.DONE; i = feed.next()) {
            if (i != Items.LATER) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void handsOutEveryItemOnceFromManyChunks() throws Exception {
        LocalBook book = new LocalBook(spec(new ModelConfig.Async(), 1000, null), 37);
        ChunkFeed feed = feed(book, 1);
        feed.start();
        List<Long> items = drain(feed);
        feed.close();
        assertThat(items)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 1000).boxed().toList());
    }

    @Test
    void withARateEveryItemOfEveryLaneComesOnceInScheduleOrderWithinALane() throws Exception {
        // two worker JVMs: two lanes, each taking every other item of a group
        LocalBook book = new LocalBook(spec(new ModelConfig.Multiprocess(2), 600, 100.0), 25);
        assertThat(book.plan().layout().lanes()).isEqualTo(2);
        ChunkFeed feed = feed(book, 2);
        feed.start();
        List<Long> items = drain(feed);
        feed.close();
        assertThat(items)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, 600).boxed().toList());
        for (int lane = 0; lane < 2; lane++) {
            int l = lane;
            List<Long> own = items.stream()
                    .filter(i -> book.plan().layout().lane(book.plan().layout().idOf(i)) == l)
                    .toList();
            assertThat(own).as("lane " + lane).isSorted().isNotEmpty();
        }
    }

    @Test
    void routesEachChunkToItsLanesWorkerAndEveryChunkOnce() throws Exception {
        LocalBook book = new LocalBook(spec(new ModelConfig.Multiprocess(2), 600, 100.0), 25);
        ChunkFeed feed = feed(book, 2);
        feed.start();
        List<List<Chunk>> byWorker = List.of(new ArrayList<>(), new ArrayList<>());
        Thread[] workers = new Thread[2];
        for (int part = 0; part < 2; part++) {
            int p = part;
            workers[part] = Thread.ofPlatform().start(() -> {
                try {
                    for (Chunk c = feed.nextChunk(p, 2); c != null; c = feed.nextChunk(p, 2)) {
                        byWorker.get(p).add(c);
                        book.commit(c, Tally.empty());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread w : workers) {
            w.join(20_000);
        }
        feed.close();
        Set<Long> ids = new HashSet<>();
        for (int part = 0; part < 2; part++) {
            for (Chunk c : byWorker.get(part)) {
                assertThat(book.plan().layout().lane(c.id()) % 2)
                        .as("chunk " + c.id())
                        .isEqualTo(part);
                assertThat(ids.add(c.id())).as("chunk " + c.id() + " once").isTrue();
            }
        }
        assertThat(ids).hasSize((int) book.plan().layout().chunks());
    }

    @Test
    void handsOutNothingOnceStoppedAndGivesBackWhatNeverStarted() throws Exception {
        LocalBook book = new LocalBook(spec(new ModelConfig.Async(), 1000, null), 10);
        ChunkFeed feed = feed(book, 1);
        feed.start();
        long first;
        do {
            first = feed.next();
        } while (first == Items.LATER);
        assertThat(first).isZero();
        feed.stop();
        assertThat(feed.next()).isEqualTo(Items.DONE);
        feed.close();
        // the chunk that started is the feed's to commit; every other one is back in the book, for another to run
        book.commit(book.plan().chunk(0), Tally.empty());
        ChunkFeed again = feed(book, 1);
        again.start();
        List<Long> rest = drain(again);
        again.close();
        assertThat(rest)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(10, 1000).boxed().toList());
    }
}
