package io.loadgrid.agent.model;

import io.loadgrid.agent.run.Items;
import io.loadgrid.agent.run.RunSetup;
import io.loadgrid.agent.worker.WorkerJob;
import io.loadgrid.agent.worker.WorkerProtocol;
import io.loadgrid.agent.worker.WorkerReport;
import io.loadgrid.agent.worker.WorkerMain;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.profile.Pacer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's multiprocessing + asyncio: M worker JVMs, each running the async model on every M-th item with its
 * share of the in-flight requests; their tallies are merged exactly (counts added, histograms added).
 * Workers are started and warmed before the clock starts; that start-up is not part of the measured run.
 */
public final class MultiprocessModel implements Model {
    private final RunSetup setup;
    private final int processes;
    private final List<Worker> workers = new ArrayList<>();

    public MultiprocessModel(RunSetup setup) {
        this.setup = setup;
        this.processes = setup.spec().processes();
    }

    @Override
    public void prepare() throws IOException {
        RunSpec spec = setup.spec();
        for (int w = 0; w < processes; w++) {
            int share = spec.concurrency() / processes + (w < spec.concurrency() % processes ? 1 : 0);
            WorkerJob job = new WorkerJob(spec.withModel(ModelName.ASYNC, share), setup.slice().interleave(w, processes));
            workers.add(Worker.start(job));
        }
        for (Worker w : workers) {
            setup.children().started(w.process.toHandle());
            w.await(WorkerProtocol.READY);
        }
    }

    @Override
    public void drive(Items items, Pacer pacer) throws IOException {
        // the workers pace and count their own interleaved items; the schedule stays global because it is by index
        for (Worker w : workers) {
            w.send(WorkerProtocol.GO);
        }
        for (Worker w : workers) {
            String line = w.await(WorkerProtocol.RESULT);
            setup.children().reported(Json.read(line.substring(WorkerProtocol.RESULT.length()), WorkerReport.class));
        }
    }

    @Override
    public void stop() {
        for (Worker w : workers) {
            w.send(WorkerProtocol.STOP);
        }
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.stop();
        }
    }

    private record Worker(Process process, PrintStream in, BufferedReader out) {
        static Worker start(WorkerJob job) throws IOException {
            Process p = JavaProcess.builder(WorkerMain.class.getName(), List.of()).start();
            Worker w = new Worker(p, new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            w.send(Json.write(job));
            return w;
        }

        synchronized void send(String line) {
            in.println(line);
        }

        String await(String prefix) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IOException("worker JVM " + process.pid() + " exited before " + prefix.strip()
                    + " (exit code " + exitCode() + "); its error output is above");
        }

        private String exitCode() {
            try {
                return process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        void stop() {
            in.close();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
