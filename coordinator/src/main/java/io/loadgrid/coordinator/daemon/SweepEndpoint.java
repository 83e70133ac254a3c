package io.loadgrid.coordinator.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.run.StopSwitch;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.SweepCommand;
import io.loadgrid.coordinator.sweep.SweepOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /sweeps} on a long-lived coordinator: runs one submitted sweep at a time on the coordinator's own
 * session, streaming its output back. A client that disconnects stops the sweep the way Ctrl-C does: the run in
 * progress finishes its items in flight and is kept, and no further run starts. The disconnect is noticed at the
 * next line of output, within about 5 s (progress lines come that often).
 */
public final class SweepEndpoint implements HttpHandler {
    private final Session session;
    private final LoadMetrics metrics;
    private final ClusterOptions cluster;
    private final Path out;
    private final PrintStream log;
    private final AtomicReference<String> running = new AtomicReference<>();
    private final TargetAllowlist submitters;

    /** {@code submitters}: who may hand in sweeps (the metrics on the same port are for anyone who can reach it). */
    public SweepEndpoint(
            Session session,
            LoadMetrics metrics,
            ClusterOptions cluster,
            Path out,
            PrintStream log,
            TargetAllowlist submitters) {
        this.submitters = submitters;
        this.session = session;
        this.metrics = metrics;
        this.cluster = cluster;
        this.out = out;
        this.log = log;
    }

    /** What the client shows while the coordinator has not joined its cluster yet (it waits and asks again). */
    public static final String JOINING = "the coordinator is still joining its cluster";

    /**
     * {@code /sweeps} until the coordinator's session is open: 503, so that a sweep handed in as soon as the port
     * answers (as a script does) waits instead of failing on a bare 404.
     */
    public static void joining(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Retry-After", "1");
            reply(ex, 503, JOINING);
        }
    }

    /** The id of the sweep running now, or null. */
    public String running() {
        return running.get();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, "POST a sweep here: ./loadgrid sweep PLAN.yaml --coordinator URL");
                return;
            }
            if (!submitters.permits(ex.getRemoteAddress().getAddress())) {
                reply(
                        ex,
                        403,
                        "sweeps are accepted from " + submitters
                                + " only; run ./loadgrid sweep on the coordinator's host,"
                                + " or start the coordinator with --accept-sweeps-from including "
                                + ex.getRemoteAddress().getAddress().getHostAddress());
                return;
            }
            SweepOptions.Valid sweep;
            try {
                SweepRequest r = Json.read(
                        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), SweepRequest.class);
                if (r.resume() != null && !r.resume().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new IllegalArgumentException("--resume '" + r.resume()
                            + "' is not a sweep id; give the id as printed, e.g. quick-20261124-013000");
                }
                if (r.resume() == null && r.planSource() == null) {
                    throw new IllegalArgumentException(
                            "the request has no plan text; send the plan with ./loadgrid sweep PLAN.yaml "
                                    + "--coordinator URL");
                }
                sweep = new SweepOptions(r.planFile(), r.agents(), out, r.resume(), r.planSource(), r.base())
                        .validate();
            } catch (IllegalArgumentException e) {
                reply(ex, 400, e.getMessage());
                return;
            }
            if (!running.compareAndSet(null, sweep.sweepId())) {
                reply(ex, 409, "busy with sweep " + running.get() + "; submit again when it has ended");
                return;
            }
            try {
                run(ex, sweep);
            } finally {
                running.set(null);
            }
        }
    }

    private void run(HttpExchange ex, SweepOptions.Valid sweep) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream body = ex.getResponseBody();
        // Ctrl-C's handlers are the sweep's own while it runs; raising the signal here means "the user stopped it"
        StopSwitch stop = new StopSwitch();
        Runnable gone = () -> {
            if (!stop.requested()) {
                log.println("loadgrid coordinator: the client of sweep " + sweep.sweepId() + " went away; stopping it");
                stop.request();
            }
        };
        PrintStream o = LineStream.of(SweepRequest.OUT, body, log, gone);
        PrintStream e = LineStream.of(SweepRequest.ERR, body, log, gone);
        int code;
        try {
            String url = "http://" + ex.getLocalAddress().getHostString() + ":"
                    + ex.getLocalAddress().getPort();
            code = new SweepCommand(sweep, cluster, null, o, e).submittedTo(url).on(session, metrics, stop);
        } catch (IllegalArgumentException bad) {
            e.println("loadgrid sweep: " + bad.getMessage());
            code = ExitCode.BAD_INPUT.code();
        } catch (Exception failed) {
            e.println("loadgrid sweep: failed: " + failed);
            code = ExitCode.INCOMPLETE.code();
        }
        synchronized (body) {
            try {
                body.write((SweepRequest.EXIT + code + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException left) {
                // the client left; the outputs are on disk all the same
            }
        }
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
