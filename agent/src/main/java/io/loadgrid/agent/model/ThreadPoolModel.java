package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.plan.ModelConfig.Threads.Pool;
import io.loadgrid.common.profile.Pacer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Seed 000's thread.py and seed 002's pool variants: a ThreadPoolExecutor of N platform threads, each blocked on
 * one request. Per batch, the pool is either reused or created anew (seed 002's "recreate"). Instead of queueing
 * one future per URL, the N pool threads pull item numbers, which is the same schedule without a million futures.
 */
public final class ThreadPoolModel implements Model {
    private final int size;
    private final int batch;
    private final Pool mode;
    private final ItemTask task;
    private ExecutorService shared;

    public ThreadPoolModel(RunSetup setup, Pool mode) {
        this.size = setup.spec().concurrency();
        this.batch = setup.spec().batch();
        this.mode = mode;
        this.task = setup.tasks().blocking(size);
    }

    @Override
    public void prepare() {
        if (mode == Pool.REUSE) {
            shared = newPool();
        }
    }

    @Override
    public void drive(Items items, Pacer pacer) throws InterruptedException {
        for (Iterator<Items> batches = items.batches(batch); batches.hasNext(); ) {
            Items b = batches.next();
            ExecutorService pool = mode == Pool.REUSE ? shared : newPool();
            List<Callable<Void>> senders = IntStream.range(0, size)
                    .<Callable<Void>>mapToObj(lane -> () -> Senders.drain(b, pacer, lane, task))
                    .toList();
            pool.invokeAll(senders);
            if (pool != shared) {
                pool.shutdown();
            }
        }
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.shutdownNow();
        }
    }

    private ExecutorService newPool() {
        return Executors.newFixedThreadPool(
                size, Thread.ofPlatform().name("threads-", 0).daemon().factory());
    }
}
