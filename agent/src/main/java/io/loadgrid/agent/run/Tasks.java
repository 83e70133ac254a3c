package io.loadgrid.agent.run;

import io.loadgrid.agent.http.BlockingClient;
import io.loadgrid.agent.http.EventLoopClient;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.agent.task.AsyncHttpTask;
import io.loadgrid.agent.task.AsyncItemTask;
import io.loadgrid.agent.task.BlockingHttpTask;
import io.loadgrid.agent.task.BodySink;
import io.loadgrid.agent.task.CpuTask;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.Workload;
import io.vertx.core.Vertx;
import okhttp3.OkHttpClient;

/** Builds the per-item tasks of a run for whichever kind of thread the model offers, and owns their clients. */
public final class Tasks implements AutoCloseable {
    private final RunSpec spec;
    private final LiveTally tally;
    private final BodySink sink;
    private OkHttpClient blockingClient;

    public Tasks(RunSpec spec, LiveTally tally) {
        this.spec = spec;
        this.tally = tally;
        this.sink = spec.workload() instanceof Workload.Http ? BodySink.open(spec.sinkFile()) : new BodySink.Discard();
    }

    public LiveTally tally() {
        return tally;
    }

    /** A task for blocking senders; one client shared by all of them, with a connection per sender. */
    public synchronized ItemTask blocking(int senders) {
        return switch (spec.workload()) {
            case Workload.Cpu cpu -> new CpuTask(cpu.kernel(), tally);
            case Workload.Http http -> {
                if (blockingClient == null) {
                    blockingClient = BlockingClient.create(senders, spec.timeout(), tally.wire());
                }
                yield new BlockingHttpTask(blockingClient, http.urls(), http.statusFails(), sink, tally);
            }
        };
    }

    /** A task for one event loop, with that loop's own client; call it on the loop's context. */
    public AsyncItemTask async(Vertx vertx, int inFlight) {
        return switch (spec.workload()) {
            case Workload.Cpu cpu -> new CpuTask(cpu.kernel(), tally);
            case Workload.Http http -> new AsyncHttpTask(EventLoopClient.create(vertx, inFlight, spec.timeout(), tally.wire()),
                    http.urls(), http.statusFails(), sink, tally, spec.timeout().toMillis());
        };
    }

    @Override
    public synchronized void close() {
        if (blockingClient != null) {
            BlockingClient.close(blockingClient);
        }
        sink.close();
    }
}
