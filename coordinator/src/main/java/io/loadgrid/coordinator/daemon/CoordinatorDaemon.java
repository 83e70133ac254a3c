package io.loadgrid.coordinator.daemon;

import com.sun.net.httpserver.HttpHandler;
import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.export.MetricsServer;
import io.loadgrid.coordinator.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * The long-lived coordinator: one session, its /metrics, and the endpoint that runs the sweeps submitted to it, one
 * at a time, until Ctrl-C (when no sweep runs) or SIGTERM.
 *
 * @param out        where submitted sweeps write their folders
 * @param agents     local mode (no --join): agent JVMs to start
 * @param submitters who may submit sweeps
 */
public record CoordinatorDaemon(ClusterOptions cluster, int agents, Path out, TargetAllowlist submitters) {

    /** Serves on {@code server} (already listening) until told to stop; the exit code. */
    public int serve(MetricsServer server, LoadMetrics exported) throws IOException, InterruptedException {
        AtomicReference<HttpHandler> sweepsNow = new AtomicReference<>(SweepEndpoint::joining);
        server.handle("/sweeps", ex -> sweepsNow.get().handle(ex));
        Session session;
        try {
            session = Session.open(cluster, agents, List.of(), OptionalDouble.empty());
        } catch (IllegalArgumentException e) {
            return BadInput.report("coordinator", e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("loadgrid coordinator: could not join the cluster: " + e.getMessage()
                    + " (check --bind is an address of this host, and --join)");
            return ExitCode.INCOMPLETE.code();
        }
        exported.agentsUp(session.node()::agentCount);
        SweepEndpoint sweeps = new SweepEndpoint(session, exported, cluster, out, System.err, submitters);
        sweepsNow.set(sweeps);
        CountDownLatch stop = new CountDownLatch(1);
        // Ctrl-C while a sweep runs is that sweep's (it stops it); otherwise it ends the coordinator
        Signal.handle(new Signal("INT"), sig -> {
            if (sweeps.running() == null) {
                stop.countDown();
            }
        });
        Signal.handle(new Signal("TERM"), sig -> stop.countDown());
        System.out.println("loadgrid coordinator: " + session.agents().describe() + ", "
                + session.node().agentCount()
                + " agent(s) up; submit sweeps with ./loadgrid sweep PLAN.yaml --coordinator http://"
                + server.address() + " (Ctrl-C ends it)");
        System.out.flush();
        stop.await();
        session.close();
        return 0;
    }
}
