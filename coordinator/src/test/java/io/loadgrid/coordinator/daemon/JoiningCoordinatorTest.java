package io.loadgrid.coordinator.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A sweep handed to a coordinator that is still joining its cluster (its port answers, its session is not open yet,
 * which is how a script that waits for the port meets it): the coordinator's /sweeps says 503 as it does then, and the
 * client waits and hands the sweep in once it is ready, rather than failing on the first answer.
 */
class JoiningCoordinatorTest {
    @Test
    void aSweepSubmittedWhileTheCoordinatorJoinsWaitsForIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/sweeps", ex -> {
            ex.getRequestBody().readAllBytes();
            if (asked.incrementAndGet() <= 2) {
                SweepEndpoint.joining(ex);
                return;
            }
            try (ex) {
                byte[] body = (SweepRequest.OUT + "ran\n" + SweepRequest.EXIT + "0\n").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
        });
        server.start();
        try {
            var submission = new SweepSubmission(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sweeps"),
                    new SweepRequest("p.yaml", "name: p\n", null, null, null));
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int exit = submission.send(new PrintStream(out, true), new PrintStream(err, true));
            assertThat(exit).as(err.toString()).isZero();
            assertThat(asked.get()).isEqualTo(3);
            assertThat(out.toString()).isEqualTo("ran" + System.lineSeparator());
            assertThat(err.toString().split(SweepEndpoint.JOINING, -1))
                    .as("said once that it waits")
                    .hasSize(2);
        } finally {
            server.stop(0);
        }
    }
}
