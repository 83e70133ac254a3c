package io.loadgrid.agent.model;

import io.loadgrid.agent.run.Items;
import io.loadgrid.agent.run.RunSetup;
import io.loadgrid.agent.task.AsyncItemTask;
import io.loadgrid.common.profile.Pacer;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * K event loops, each with its own client and its share of the in-flight requests; the engine under the async
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
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1)
                .setPreferNativeTransport(true).setBlockedThreadCheckInterval(60_000);
        vertx = Vertx.builder().with(options).build();
        for (int i = 0; i < loops; i++) {
            Loop loop = new Loop(share(i));
            // each deployment gets its own context, and contexts are spread round-robin over the loops
            vertx.deployVerticle(loop, new DeploymentOptions()).await();
            started.add(loop);
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
            for (Loop loop : started) {
                loop.context().runOnContext(v -> new Lanes(vertx, b, pacer, loop.task, done::countDown).start(loop.lanes));
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

    private final class Loop extends VerticleBase {
        private final int lanes;
        private AsyncItemTask task;

        Loop(int lanes) {
            this.lanes = lanes;
        }

        @Override
        public Future<?> start() {
            task = setup.tasks().async(vertx, lanes);
            return Future.succeededFuture();
        }

        Context context() {
            return context;
        }
    }
}
