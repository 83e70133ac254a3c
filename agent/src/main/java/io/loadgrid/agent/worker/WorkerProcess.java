package io.loadgrid.agent.worker;

import io.loadgrid.common.process.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One worker JVM of the multiprocess model, seen from its parent: the two ends of its {@link WorkerMessage} lines. */
public final class WorkerProcess {
    /**
     * The worker JVM's program, by name: it runs an engine, which starts this, so a reference to the class would make
     * the packages a circle ({@code WorkerMessageTest} checks the name).
     */
    static final String MAIN_CLASS = "io.loadgrid.agent.run.WorkerMain";

    private final Process process;
    private final PrintStream in;
    private final BufferedReader out;

    private WorkerProcess(Process process) {
        this.process = process;
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static WorkerProcess start(WorkerMessage.Job job) throws IOException {
        WorkerProcess w =
                new WorkerProcess(JavaProcess.builder(MAIN_CLASS, List.of()).start());
        w.send(job);
        return w;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public synchronized void send(WorkerMessage message) {
        in.println(message.line());
    }

    /** The worker's next message (a line that holds none is passed over), or an exception saying it died. */
    public WorkerMessage read() throws IOException {
        while (true) {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("worker JVM " + process.pid() + " exited (exit code " + exitCode()
                        + "); its error output is above");
            }
            WorkerMessage m = WorkerMessage.read(line);
            if (m != null) {
                return m;
            }
        }
    }

    /** Reads until a message of {@code type} comes. */
    public <T extends WorkerMessage> T await(Class<T> type) throws IOException {
        for (WorkerMessage m = read(); ; m = read()) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Closes its stdin, which ends it; kills it if it lingers. */
    public void stop() {
        in.close();
        JavaProcess.stop(process);
    }
}
