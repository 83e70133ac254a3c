package io.loadgrid.coordinator.cluster;

import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Agent JVMs started as a user starts them on other hosts: not tied to a coordinator's life. */
public final class RemoteAgents implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();
    /** What each agent printed when it joined. */
    public final List<String> joinLines = new ArrayList<>();

    public RemoteAgents(int count, int port, String cluster, Path secret, String... extra) throws Exception {
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of(
                    "--join",
                    "127.0.0.1:" + port,
                    "--cluster-name",
                    cluster,
                    "--secret-file",
                    secret.toString(),
                    "--port",
                    Integer.toString(port)));
            args.addAll(List.of(extra));
            Process p = JavaProcess.builder(AgentCli.class.getName(), args).start();
            processes.add(p);
            joinLines.add(JavaProcess.awaitLine(p, Role.AGENT.readyPrefix()));
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
