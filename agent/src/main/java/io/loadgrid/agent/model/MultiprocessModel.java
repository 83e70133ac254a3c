package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.worker.ChunkRelay;
import io.loadgrid.agent.worker.WorkerMessage;
import io.loadgrid.agent.worker.WorkerProcess;
import io.loadgrid.agent.worker.WorkerReport;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.profile.Pacer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seed 004's multiprocessing + asyncio: M worker JVMs, each running the async model with its share of the in-flight
 * requests on the chunks this agent leases (a faster worker takes more; with a rate each worker runs its own lane of
 * the schedule); their tallies are merged exactly (counts added, histograms added).
 * Workers are started and warmed before the clock starts; that start-up is not part of the measured run.
 */
public final class MultiprocessModel implements Model {
    private final RunSetup setup;
    private final int processes;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final ExecutorService relays = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("relay-", 0).factory());
    private final List<Future<WorkerReport>> reports = new ArrayList<>();
    private boolean going;
    private boolean stopped;

    public MultiprocessModel(RunSetup setup, int processes) {
        this.setup = setup;
        this.processes = processes;
    }

    @Override
    public void prepare() throws IOException {
        RunSpec spec = setup.spec();
        for (int w = 0; w < processes; w++) {
            int share = spec.concurrency() / processes + (w < spec.concurrency() % processes ? 1 : 0);
            RunSpec async = spec.with(b -> b.model(new ModelConfig.Async()).concurrency(share));
            workers.add(WorkerProcess.start(
                    new WorkerMessage.Job(async, setup.feed().layout(), w, processes)));
        }
        for (WorkerProcess w : workers) {
            setup.children().started(w.handle());
            w.await(WorkerMessage.Ready.class);
        }
        // relayed from now on, so that every worker holds its first chunks when the clock starts
        for (int part = 0; part < workers.size(); part++) {
            reports.add(relays.submit(new ChunkRelay(workers.get(part), setup.feed(), part, workers.size())::relay));
        }
    }

    @Override
    public boolean sendsHere() {
        return false;
    }

    @Override
    public void drive(Items items, Pacer pacer) throws Exception {
        // the workers pace their own items; the schedule stays global because it is by index and one start instant
        go(pacer.startNanos());
        for (Future<WorkerReport> r : reports) {
            setup.children().reported(r.get());
        }
    }

    @Override
    public synchronized void stop() {
        // a worker reads the line after READY as GO: a stop before GO is sent right after it
        stopped = true;
        if (going) {
            for (WorkerProcess w : workers) {
                w.send(new WorkerMessage.Stop());
            }
        }
    }

    private synchronized void go(long start) {
        for (WorkerProcess w : workers) {
            w.send(new WorkerMessage.Go(start));
            if (stopped) {
                w.send(new WorkerMessage.Stop());
            }
        }
        going = true;
    }

    @Override
    public void close() {
        for (WorkerProcess w : workers) {
            w.stop();
        }
        relays.shutdownNow();
    }
}
