package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target that accepts every connection and never answers: each item is a timeout, and nothing waits on it after. */
class SilentTargetTest {
    @TempDir
    Path tmp;

    @Test
    void everyItemTimesOutTheResultIsWrittenAndTheCommandEndsPromptly() throws Exception {
        try (Silent target = new Silent()) {
            Path json = tmp.resolve("silent.json");
            Console.Ran r = RunCliTest.run(
                    "--urls",
                    "20",
                    "--concurrency",
                    "10",
                    "--timeout",
                    "1s",
                    "--url",
                    target.base() + "/x/{i}",
                    "--json",
                    json.toString());
            long end = System.nanoTime();
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.ALL_FAILED.code());
            JsonNode n = Json.MAPPER.readTree(Files.readString(json));
            assertThat(n.get("ok").asLong()).isZero();
            assertThat(n.get("failures").get("timeout").asLong()).isEqualTo(20);
            // two rounds of ten timeouts
            assertThat(n.get("wall_s").asDouble()).isBetween(1.9, 8.0);
            assertThat(n.path("target_counts").isMissingNode()
                            || n.get("target_counts").isNull())
                    .as("a target that never answers its /stats counted nothing")
                    .isTrue();
            // the last item's timeout closes its connection: what follows is merging, printing and stopping the
            // agent, which had taken 10 s more while the coordinator waited for the target's /stats
            assertThat((end - target.lastClose()) / 1e9)
                    .as("seconds from the last timeout to the command's end")
                    .isLessThan(3.0);
        }
    }

    /** Accepts on loopback, reads whatever comes and never writes a byte. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicLong lastClose = new AtomicLong();

        Silent() throws IOException {
            Thread.ofVirtual().start(this::accept);
        }

        String base() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        long lastClose() {
            assertThat(lastClose.get()).as("a client closed a connection").isNotZero();
            return lastClose.get();
        }

        private void accept() {
            try {
                while (true) {
                    Socket s = server.accept();
                    accepted.add(s);
                    Thread.ofVirtual().start(() -> drain(s));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void drain(Socket s) {
            try (InputStream in = s.getInputStream()) {
                while (in.read(new byte[4096]) >= 0) {
                    // a request that is never answered
                }
            } catch (IOException reset) {
                // the client gave up: the same end
            }
            lastClose.accumulateAndGet(System.nanoTime(), Math::max);
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
