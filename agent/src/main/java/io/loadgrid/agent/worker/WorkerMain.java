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
            Thread watchdog = Thread.ofPlatform().daemon().name("parent-watch").start(() -> exitWhenParentGone(in));
            var outcome = engine.run();
            out.println(WorkerProtocol.RESULT + Json.write(new WorkerReport(outcome.tally().encode(), outcome.threadsPeak())));
            reported = true;
            // stay alive until the parent closes our stdin, so its closing resource sample still sees this process
            watchdog.join();
        }
    }

    private static volatile boolean reported;

    private static void exitWhenParentGone(BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // the parent sends nothing after GO; any line is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as EOF
        }
        Runtime.getRuntime().halt(reported ? 0 : 3);
    }
}
