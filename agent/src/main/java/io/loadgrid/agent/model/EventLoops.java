package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.AsyncItemTask;
import io.loadgrid.common.profile.Pacer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * K event loops, each with its own connections and its share of the in-flight requests; the engine under the async
 * (K = 1) and hybrid models. Batches end with a barrier across all loops.
 */
final class EventLoops implements AutoCloseable {
    private final RunSetup setup;
    private final int loops;
    private final int inFlight;
    private final List<Loop> started = new ArrayList<>();
    private Vertx vertx;

    EventLoops(RunSetup setup, int loops, int inFlight) {
        this.setup = setup;
        this.loops = loops;
        this.inFlight = inFlight;
    }

    void start() {
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(loops)
                .setWorkerPoolSize(1)
                .setPreferNativeTransport(true)
                .setBlockedThreadCheckInterval(60_000);
        VertxInternal vx = (VertxInternal) Vertx.builder().with(options).build();
        vertx = vx;
        ChannelFactory<? extends Channel> channels = vx.transport().channelFactory(false);
        Iterator<EventExecutor> eventLoops = vx.nettyEventLoopGroup().iterator();
        for (int i = 0; i < loops; i++) {
            // one Netty event loop, so one thread, per loop; the loop's work runs on Netty's own loop (its tasks and
            // timers), so no Vert.x context, future or timer sits on the per-request path
            Loop loop = new Loop(share(i), (EventLoop) eventLoops.next());
            try {
                CompletableFuture.runAsync(() -> loop.start(channels), loop.eventLoop)
                        .join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            started.add(loop);
        }
        long threads = started.stream().map(l -> l.thread).distinct().count();
        if (threads != loops) {
            throw new IllegalStateException(loops + " event loops landed on " + threads + " threads");
        }
    }

    /** In-flight requests of loop i: an even split, the remainder to the first loops. */
    private int share(int i) {
        return inFlight / loops + (i < inFlight % loops ? 1 : 0);
    }

    void drive(Items items, Pacer pacer, int batch) throws InterruptedException {
        for (Iterator<Items> batches = items.batches(batch); batches.hasNext(); ) {
            Items b = batches.next();
            CountDownLatch done = new CountDownLatch(started.size());
            for (int i = 0; i < started.size(); i++) {
                Loop loop = started.get(i);
                Pacer lanes = pacer.part(i, started.size());
                loop.eventLoop.execute(
                        () -> new Lanes(loop.eventLoop, b, lanes, loop.task, done::countDown).start(loop.lanes));
            }
            done.await();
        }
    }

    @Override
    public void close() {
        if (vertx != null) {
            vertx.close().await();
        }
    }

    /** One event loop's share: its lanes and its own connections. */
    private final class Loop {
        private final int lanes;
        private final EventLoop eventLoop;
        private AsyncItemTask task;
        private Thread thread;

        Loop(int lanes, EventLoop eventLoop) {
            this.lanes = lanes;
            this.eventLoop = eventLoop;
        }

        void start(ChannelFactory<? extends Channel> channels) {
            task = setup.tasks().async(eventLoop, channels, lanes);
            thread = Thread.currentThread();
        }
    }
}
