package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.process.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Agent JVMs started as a user starts them on other hosts: not tied to a coordinator's life. */
final class RemoteAgents implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();

    RemoteAgents(int count, int port, String cluster, Path secret, String... extra) throws Exception {
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(List.of("--join", "127.0.0.1:" + port, "--cluster-name", cluster,
                    "--secret-file", secret.toString(), "--port", Integer.toString(port)));
            args.addAll(List.of(extra));
            Process p = JavaProcess.builder(AgentCli.class.getName(), args).start();
            processes.add(p);
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("loadgrid agent ");
            Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { }));
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
