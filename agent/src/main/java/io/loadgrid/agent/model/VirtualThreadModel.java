package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.profile.Pacer;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** Blocking code on virtual threads: a new virtual thread for every item, at most N of them in flight. */
public final class VirtualThreadModel implements Model {
    private final int limit;
    private final int batch;
    private final ItemTask task;

    public VirtualThreadModel(RunSetup setup) {
        this.limit = setup.spec().concurrency();
        this.batch = setup.spec().batch();
        this.task = setup.tasks().blocking(limit);
    }

    @Override
    public void drive(Items items, Pacer pacer) throws InterruptedException {
        Semaphore inFlight = new Semaphore(limit);
        try (ExecutorService perItem = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("virtual-", 0).factory())) {
            for (Iterator<Items> batches = items.batches(batch); batches.hasNext(); ) {
                Items b = batches.next();
                while (true) {
                    inFlight.acquire();
                    // under a closed shape the next item waits until the items in flight are fewer than its level
                    long i = b.awaitFewerInFlight(pacer, () -> limit - 1 - inFlight.availablePermits())
                            ? b.take()
                            : Items.DONE;
                    if (i < 0) {
                        inFlight.release();
                        break;
                    }
                    long index = i;
                    perItem.execute(() -> {
                        try {
                            long intended = b.awaitSlot(pacer, index);
                            if (intended >= 0) {
                                task.run(index, intended);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                // a batch ends when all of its items have completed
                inFlight.acquire(limit);
                inFlight.release(limit);
            }
        }
    }
}
