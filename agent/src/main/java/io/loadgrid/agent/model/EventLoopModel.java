package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.common.profile.Pacer;

/** The event-loop models differ only in how many loops share the in-flight requests. */
abstract class EventLoopModel implements Model {
    private final EventLoops loops;
    private final int batch;

    EventLoopModel(RunSetup setup, int loopCount) {
        this.loops = new EventLoops(setup, loopCount, setup.spec().concurrency());
        this.batch = setup.spec().batch();
    }

    @Override
    public void prepare() {
        loops.start();
    }

    @Override
    public void drive(Items items, Pacer pacer) throws InterruptedException {
        loops.drive(items, pacer, batch);
    }

    @Override
    public void close() {
        loops.close();
    }
}
