package io.loadgrid.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.AsyncItemTask;
import io.loadgrid.common.profile.LoadProfile;
import io.loadgrid.common.profile.NanoClock;
import io.loadgrid.common.profile.Pacer;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event-loop lanes on their own, on a real Netty event loop: what is in flight, what starts a next item, when the
 * lanes end, and that a lane never blocks the loop while the feed has nothing yet.
 */
class LanesTest {
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();

    @AfterEach
    void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Items 0..count-1, answering LATER until {@code laterUntil} calls have been made. */
    private static final class Counted implements Items {
        private final long count;
        private long next;
        private int laterLeft;
        private boolean stopped;

        Counted(long count, int later) {
            this.count = count;
            this.laterLeft = later;
        }

        @Override
        public long next() {
            if (laterLeft > 0) {
                laterLeft--;
                return LATER;
            }
            return stopped || next >= count ? DONE : next++;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public boolean stopped() {
            return stopped;
        }
    }

    /** A task whose items complete only when the test says so; every call runs on the loop. */
    private static final class Held implements AsyncItemTask {
        final List<Long> started = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public boolean start(long index, long intendedStart, Runnable done) {
            started.add(index);
            pending.add(done);
            return false;
        }
    }

    private <T> T onLoop(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Pacer closedLoop() {
        return new Pacer(new LoadProfile.ClosedLoop(), NanoClock.SYSTEM, System.nanoTime());
    }

    @Test
    void keepsExactlyItsLanesInFlightAndEndsOnceAfterTheLastCompletes() throws Exception {
        Held task = new Held();
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] ends = new int[1];
        onLoop(() -> {
            new Lanes(loop, new Counted(10, 0), closedLoop(), task, () -> {
                        ends[0]++;
                        done.complete(null);
                    })
                    .start(3);
            return null;
        });
        assertThat(onLoop(() -> List.copyOf(task.started))).containsExactly(0L, 1L, 2L);
        // one completion starts exactly one next item, in index order
        onLoop(() -> {
            task.pending.removeFirst().run();
            return null;
        });
        assertThat(onLoop(() -> List.copyOf(task.started))).containsExactly(0L, 1L, 2L, 3L);
        for (int i = 0; i < 100 && !done.isDone(); i++) {
            onLoop(() -> {
                if (!task.pending.isEmpty()) {
                    task.pending.removeFirst().run();
                }
                return null;
            });
        }
        assertThat(done).isDone();
        assertThat(onLoop(() -> List.copyOf(task.started))).hasSize(10).doesNotHaveDuplicates();
        assertThat(onLoop(() -> ends[0])).isEqualTo(1);
    }

    /** Runs {@code items} on {@code lanes} with a task that completes inline; the count it ran, once done. */
    private long inline(Counted items, int lanes, Callable<?> meanwhile) throws Exception {
        long[] ran = new long[1];
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsyncItemTask task = (index, intended, whenDone) -> {
            ran[0]++;
            return true;
        };
        onLoop(() -> {
            new Lanes(loop, items, closedLoop(), task, () -> done.complete(null)).start(lanes);
            return null;
        });
        meanwhile.call();
        done.get(30, TimeUnit.SECONDS);
        return onLoop(() -> ran[0]);
    }

    @Test
    void inlineCompletionsRunBackToBackWithoutRecursion() throws Exception {
        assertThat(inline(new Counted(1_000_000, 0), 1, () -> null)).isEqualTo(1_000_000);
    }

    @Test
    void aFeedWithNothingYetIsAskedAgainWithoutBlockingTheLoop() throws Exception {
        // while the lanes wait for items, the loop still runs other work
        long ran = inline(
                new Counted(50, 5), 2, () -> assertThat(onLoop(() -> "free")).isEqualTo("free"));
        assertThat(ran).isEqualTo(50);
    }

    @Test
    void noLanesEndAtOnce() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            new Lanes(loop, new Counted(5, 0), closedLoop(), new Held(), () -> done.complete(null)).start(0);
            return null;
        });
        assertThat(done).isDone();
    }

    @Test
    void aPacedItemLeavesNoEarlierThanItsSlot() throws Exception {
        List<Long> sentAt = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime() + 50_000_000L;
        Pacer pacer = new Pacer(new LoadProfile.ConstantRate(100), NanoClock.SYSTEM, start);
        AsyncItemTask stamp = (index, intended, whenDone) -> {
            sentAt.add(System.nanoTime() - intended);
            assertThat(intended).isEqualTo(start + index * 10_000_000L);
            return true;
        };
        onLoop(() -> {
            new Lanes(loop, new Counted(10, 0), pacer, stamp, () -> done.complete(null)).start(2);
            return null;
        });
        done.get(10, TimeUnit.SECONDS);
        assertThat(onLoop(() -> List.copyOf(sentAt)))
                .hasSize(10)
                .allSatisfy(early -> assertThat(early).isNotNegative());
    }
}
