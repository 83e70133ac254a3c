package io.loadgrid.agent.cluster;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.process.Role;
import io.loadgrid.common.security.TargetAllowlist;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./loadgrid agent}: joins the cluster as an agent and waits for plans. */
@Command(
        name = "loadgrid agent",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Join a loadgrid cluster as an agent and run the plans the coordinator sends.")
public final class AgentCli implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(
            names = "--allow-target",
            paramLabel = "CIDR|HOST,...",
            description = "targets this agent may load (default: loopback only)")
    String allowTarget = "127.0.0.0/8,::1/128";

    @Option(names = "--local", description = "started by a local coordinator: exits when its stdin closes")
    boolean local;

    public static void main(String[] args) {
        int exit = new CommandLine(new AgentCli())
                .setParameterExceptionHandler((e, a) -> BadInput.report("agent", e.getMessage()))
                .execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        ClusterSettings settings;
        TargetAllowlist allowlist;
        try {
            settings = cluster.remote();
            allowlist = TargetAllowlist.parse(allowTarget);
        } catch (IllegalArgumentException e) {
            return BadInput.report("agent", e.getMessage());
        }
        AgentNode node = AgentNode.join(settings, allowlist);
        System.out.println(Role.AGENT.readyLine(node.describe()));
        System.out.flush();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            done.countDown();
                        },
                        "agent-shutdown"));
        if (local) {
            // Ctrl-C reaches the whole process group; the local coordinator decides, and our stdin closing means it is
            // gone
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    System.in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException ignored) {
                    // the parent is gone either way
                }
                // an exit, not a halt: the JVM writes its class-data archive at exit when it has none (./loadgrid)
                node.terminate();
                System.exit(0);
            });
        }
        done.await();
        return 0;
    }
}
