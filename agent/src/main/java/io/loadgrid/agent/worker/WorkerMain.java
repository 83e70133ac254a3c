package io.loadgrid.agent.worker;

import io.loadgrid.agent.run.Engine;
import io.loadgrid.common.codec.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A multiprocess worker JVM: runs its slice with the async model and reports its tally to its parent. */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Ctrl-C reaches the whole process group; the parent decides (STOP), so that nothing measured is lost
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            return;
        }
        WorkerJob job = Json.read(line, WorkerJob.class);
        try (Engine engine = Engine.prepare(job.spec(), job.slice())) {
            out.println(WorkerProtocol.READY);
            if (!WorkerProtocol.GO.equals(in.readLine())) {
                return;
            }
            Thread watchdog = Thread.ofPlatform().daemon().name("parent-watch").start(() -> followParent(in, engine));
            var outcome = engine.run();
            out.println(WorkerProtocol.RESULT + Json.write(new WorkerReport(outcome.tally().encode(), outcome.threadsPeak())));
            reported = true;
            // stay alive until the parent closes our stdin, so its closing resource sample still sees this process
            watchdog.join();
        }
    }

    private static volatile boolean reported;

    /** After GO the parent only ever sends STOP; its stdin closing means it is gone. */
    private static void followParent(BufferedReader in, Engine engine) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (WorkerProtocol.STOP.equals(line)) {
                    engine.stop();
                }
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as EOF
        }
        Runtime.getRuntime().halt(reported ? 0 : 3);
    }
}
