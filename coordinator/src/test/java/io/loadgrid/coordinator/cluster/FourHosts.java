package io.loadgrid.coordinator.cluster;

import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.RunCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The seeds' setup on separate hosts: a target, a coordinator and two agents, each in a network namespace of its own
 * with its own address; the target and both agents are started, the coordinator's runs are {@link #run}.
 */
final class FourHosts implements AutoCloseable {
    static final int TARGET_PORT = 8080;
    final Namespaces hosts;
    final String target;
    final String coordinator;
    final String a1;
    final String a2;
    /** What every member is given to join the cluster. */
    final List<String> cluster;

    private final List<Process> processes = new ArrayList<>();

    /** Aborts the test (as skipped) where namespaces cannot be made: they need root and iproute2. */
    static FourHosts start(Path dir, String name) throws Exception {
        Namespaces hosts;
        try {
            hosts = new Namespaces();
        } catch (IOException e) {
            Assumptions.assumeTrue(
                    false, "network namespaces cannot be created here (needs root and iproute2): " + e.getMessage());
            throw new AssertionError("unreachable");
        }
        FourHosts four = new FourHosts(hosts, dir, name);
        try {
            four.startTargetAndAgents();
            return four;
        } catch (Exception | Error e) {
            four.close();
            throw e;
        }
    }

    private FourHosts(Namespaces hosts, Path dir, String name) throws Exception {
        this.hosts = hosts;
        target = hosts.host("tg", 2);
        coordinator = hosts.host("co", 3);
        a1 = hosts.host("a1", 11);
        a2 = hosts.host("a2", 12);
        Path secret = dir.resolve("secret");
        Files.writeString(secret, name + "-test-secret-0123456789abcdef\n");
        cluster = List.of(
                "--join", a1 + ":5701," + a2 + ":5701", "--cluster-name", name, "--secret-file", secret.toString());
    }

    private void startTargetAndAgents() throws IOException, InterruptedException {
        processes.add(hosts.java(
                "tg",
                Role.TARGET.mainClass(),
                List.of("--host", target, "--port", Integer.toString(TARGET_PORT), "--exit-on-stdin-eof"),
                Role.TARGET.readyPrefix()));
        for (var agent : List.of(List.of("a1", a1), List.of("a2", a2))) {
            List<String> args = new ArrayList<>(cluster);
            args.addAll(List.of("--bind", agent.get(1), "--allow-target", target));
            processes.add(hosts.java(agent.get(0), AgentCli.class.getName(), args, Role.AGENT.readyPrefix()));
        }
    }

    /** The target's base URL. */
    String base() {
        return "http://" + target + ":" + TARGET_PORT;
    }

    /** Starts {@code ./loadgrid run} on the coordinator's host with {@code args} after the cluster's; output to out. */
    Process run(List<String> args, Path out) throws IOException {
        List<String> all = new ArrayList<>(cluster);
        all.addAll(List.of("--bind", coordinator));
        all.addAll(args);
        Process p = new ProcessBuilder(hosts.in(
                        "co", JavaProcess.builder(RunCli.class.getName(), all).command()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        processes.add(p);
        return p;
    }

    /** Starts another process of the test's, stopped with the others. */
    Process add(Process p) {
        processes.add(p);
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        hosts.close();
    }
}
