package io.loadgrid.agent.run;

import io.loadgrid.agent.feed.LocalBook;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the model's own sending path for a moment before the clock starts, against a server inside this JVM, so that
 * the measured run begins with compiled code: as warm as a long-lived agent's second run, and nothing reaches the
 * target. A fresh JVM otherwise spends its first second or two interpreting, and an open-model run carries that
 * backlog for seconds (seen here: p90 640 ms on a cold agent, 106 ms on the same agent's next run, 100 ms emulated).
 */
final class Warmup {
    private static final Duration CLOSED = Duration.ofMillis(700);
    /** The warm-up's most items in flight (a hybrid model's loops each keep at least one). */
    private static final int WARM_IN_FLIGHT_MAX = 1000;

    private static final Duration PACED = Duration.ofMillis(500);
    private static final double PACED_RATE = 2000;
    private static final Set<String> WARMED = ConcurrentHashMap.newKeySet();
    private static final Duration SETTLE_MAX = Duration.ofSeconds(2);
    private static final long QUIET_MS = 50;
    /** About the size of an httpbin /anything answer to a seed URL. */
    private static final Buffer BODY = Buffer.buffer("{\"warm\":\"" + "x".repeat(1400) + "\"}\n");

    private Warmup() {}

    /**
     * Warms {@code spec}'s sending path unless this JVM already has: an agent that ran the same model (knobs included)
     * on the same kind
     * of workload (paced or not) in an earlier run has it compiled, as a sweep's repetitions do.
     */
    static void run(RunSpec spec) throws Exception {
        String path = spec.model() + "/" + spec.workload().getClass().getSimpleName() + "/" + spec.paced() + "/"
                + spec.batch();
        if (WARMED.contains(path)) {
            return;
        }
        warm(spec);
        WARMED.add(path);
    }

    private static void warm(RunSpec spec) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            // both ends of every warm-up connection are in this JVM: at the run's own 15,000 in flight that is 30,000
            // descriptors, past a 20,000 limit (seen: the run never got ready). The code compiles the same at fewer
            int inFlight = Math.min(
                    spec.concurrency(),
                    Math.max(WARM_IN_FLIGHT_MAX, spec.model() instanceof ModelConfig.Hybrid h ? h.threads() : 0));
            RunSpec warm = spec.withSinkFile(null).withConcurrency(inFlight);
            if (spec.workload() instanceof Workload.Http http) {
                HttpServer server = vertx.createHttpServer()
                        .requestHandler(r -> r.response()
                                .putHeader("content-type", "application/json")
                                .end(BODY))
                        .listen(0, "127.0.0.1")
                        .await();
                warm = warm.withWorkload(new Workload.Http(
                        http.name(), new UrlTemplate("http://127.0.0.1:" + server.actualPort() + "/warm/{i}"), true));
            }
            // as fast as it goes, for the call counts that get code compiled; then paced, for the timers' path
            RunSpec unshaped = warm.withStages(null);
            drive(unshaped.withRate(null).timed(CLOSED));
            if (spec.paced()) {
                drive(unshaped.withRate(Math.max(spec.meanRate(), PACED_RATE)).timed(PACED));
            }
        } finally {
            vertx.close().await();
        }
        settle();
    }

    private static void drive(RunSpec warm) throws Exception {
        LocalBook book = new LocalBook(warm, 0);
        try (Engine engine = Engine.prepareCold(warm, book)) {
            engine.run();
        }
    }

    /**
     * Waits until the compilations the warm-up queued are done (the JIT's total time stops growing), at most
     * {@link #SETTLE_MAX}: otherwise the compiler threads take the measured run's first second of CPU. Then
     * collects the warm-up's garbage, as JMH does between iterations, so that no collection it owes lands in the run.
     */
    private static void settle() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
            quiet(jit);
        }
        System.gc();
    }

    private static void quiet(CompilationMXBean jit) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_MS);
            long now = jit.getTotalCompilationTime();
            if (now == before) {
                return;
            }
            before = now;
        }
    }
}
