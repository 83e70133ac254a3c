package io.loadgrid.agent.task;

import io.loadgrid.agent.http.BlockingClient;
import io.loadgrid.agent.http.LoopConnections;
import io.loadgrid.agent.http.WireTap;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.Workload;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds the per-item tasks of a run for whichever kind of thread the model offers, and owns their clients: one
 * connection per sender or lane, which {@link #openConnections()} opens before the start instant.
 */
public final class Tasks implements AutoCloseable {
    private final RunSpec spec;
    private final LiveTally tally;
    private final BodySink sink;
    private final List<Supplier<Future<Void>>> openers = new CopyOnWriteArrayList<>();
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
                    OkHttpClient client = BlockingClient.create(senders, spec.timeout(), tally.wire());
                    blockingClient = client;
                    openers.add(() -> {
                        try {
                            BlockingClient.open(client, http.urls().base(), senders);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Future.succeededFuture();
                    });
                }
                yield new BlockingHttpTask(blockingClient, http.urls(), http.statusFails(), sink, tally);
            }
        };
    }

    /** A task for one event loop, with that loop's own connections, opened by {@code channels}; call it on the loop. */
    public AsyncItemTask async(EventLoop loop, ChannelFactory<? extends Channel> channels, int inFlight) {
        return switch (spec.workload()) {
            case Workload.Cpu cpu -> new CpuTask(cpu.kernel(), tally);
            case Workload.Http http -> {
                LoopConnections connections = new LoopConnections(
                        loop, channels, http.urls().base(), spec.timeout(), new WireTap(tally.wire()));
                openers.add(() -> {
                    // a connection belongs to the loop that opened it: open each on the loop that sends on it
                    Promise<Void> opened = Promise.promise();
                    loop.execute(() -> {
                        try {
                            connections.open(inFlight, opened::complete);
                        } catch (RuntimeException e) {
                            opened.tryFail(e);
                        }
                    });
                    return opened.future();
                });
                yield new AsyncHttpTask(connections, http.urls(), http.statusFails(), sink, tally);
            }
        };
    }

    /**
     * Opens every client's connections, all clients at once, and returns when each is open or has failed to: the
     * first items then measure the target, not TCP handshakes. A connection that failed to open is the item's to retry.
     */
    public void openConnections() {
        Future.join(openers.stream().map(Supplier::get).toList()).await();
    }

    @Override
    public synchronized void close() {
        if (blockingClient != null) {
            BlockingClient.close(blockingClient);
        }
        sink.close();
    }
}
