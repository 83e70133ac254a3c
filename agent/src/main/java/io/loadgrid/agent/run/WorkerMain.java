package io.loadgrid.agent.run;

import io.loadgrid.agent.metrics.MeasuredWindow;
import io.loadgrid.agent.worker.WorkerMessage;
import io.loadgrid.agent.worker.WorkerReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A multiprocess worker JVM: runs its parent's chunks with the async model and reports its tally. */
public final class WorkerMain {
    private static volatile boolean reported;

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        // Ctrl-C reaches the whole process group; the parent decides (STOP), so that nothing measured is lost
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            return;
        }
        if (!(WorkerMessage.read(line) instanceof WorkerMessage.Job job)) {
            throw new IllegalStateException("a worker's first line must be its job, got: " + line);
        }
        ParentChunks chunks = new ParentChunks(out, job.layout());
        try (Engine engine = Engine.prepare(job.spec(), chunks)) {
            send(out, new WorkerMessage.Ready());
            // chunks arrive from now on, before GO, so the first ones are at hand at the start instant
            CompletableFuture<Long> go = new CompletableFuture<>();
            Thread watchdog =
                    Thread.ofPlatform().daemon().name("parent-watch").start(() -> followParent(in, engine, chunks, go));
            long start = go.join();
            var outcome = engine.run(start, MeasuredWindow.NONE, job.part(), job.parts());
            chunks.drain();
            long lastEnd = start + outcome.wallNanos();
            send(
                    out,
                    new WorkerMessage.Result(new WorkerReport(
                            outcome.tally().encode(), outcome.threadsPeak(), lastEnd, outcome.inFlightPeak())));
            reported = true;
            // stay alive until the parent closes our stdin, so its closing resource sample still sees this process
            watchdog.join();
        }
    }

    /** One whole line per message, whichever thread sends it. */
    static void send(PrintStream out, WorkerMessage message) {
        String line = message.line();
        synchronized (out) {
            out.println(line);
        }
    }

    /** After READY the parent sends chunks, GO, END and STOP; its stdin closing means it is gone. */
    private static void followParent(
            BufferedReader in, Engine engine, ParentChunks chunks, CompletableFuture<Long> go) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (WorkerMessage.read(line)) {
                    case WorkerMessage.Go g -> go.complete(g.startNanos());
                    case WorkerMessage.Stop s -> {
                        engine.stop();
                        chunks.end();
                    }
                    case WorkerMessage.Pass p -> chunks.received(p.chunk());
                    case WorkerMessage.End e -> chunks.received(null);
                    case null, default -> {
                        // only the parent writes here, and only the messages above after the job
                    }
                }
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as EOF
        }
        // an exit, not a halt: the JVM writes its class-data archive at exit when it has none (./loadgrid)
        System.exit(reported ? 0 : 3);
    }
}
