package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The target JVM under clients that misbehave: raw garbage, huge headers, slowloris trickles, half-closed sockets.
 * It answers a good request throughout, and once the clients are gone it holds no more descriptors than before.
 */
class AbuseTest {
    private static final int EACH = 20;

    @Test
    void survivesGarbageHugeHeadersSlowlorisAndHalfClosedSocketsWithoutLeaking() throws Exception {
        Process target = JavaProcess.builder(
                        Role.TARGET.mainClass(), List.of("--host", "127.0.0.1", "--port", "0", "--exit-on-stdin-eof"))
                .start();
        try {
            URI base = URI.create(Role.TARGET.readyWhat(JavaProcess.awaitLine(target, Role.TARGET.readyPrefix())));
            // the first round opens whatever the JVM opens once (classes, selectors); the second must cost nothing
            abuse(base);
            long before = settledFds(target.pid(), -1);
            abuse(base);
            assertThat(settledFds(target.pid(), before))
                    .as("descriptors of the target after the clients left")
                    .isEqualTo(before);
            assertThat(target.isAlive()).isTrue();
        } finally {
            JavaProcess.stop(target);
        }
    }

    private static void abuse(URI base) throws Exception {
        List<Socket> open = new ArrayList<>();
        Random random = new Random(11);
        try {
            for (int i = 0; i < EACH; i++) {
                // garbage: random bytes, left open
                Socket garbage = connect(base, open);
                byte[] junk = new byte[2048];
                random.nextBytes(junk);
                garbage.getOutputStream().write(junk);
                // a header section far over the limit
                Socket huge = connect(base, open);
                try {
                    huge.getOutputStream()
                            .write(("GET /get HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(200_000) + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException refused) {
                    // the target answered 431 and closed before the rest arrived
                }
                // slowloris: a request head that never ends
                Socket slow = connect(base, open);
                slow.getOutputStream()
                        .write("GET /get HTTP/1.1\r\nHost: x\r\nX-A: ".getBytes(StandardCharsets.US_ASCII));
                // half-closed: a whole request, then no more sending; the answer must still come
                Socket half = connect(base, open);
                half.getOutputStream().write(RawHttp.get("/get?half=" + i).getBytes(StandardCharsets.US_ASCII));
                half.shutdownOutput();
                assertThat(new String(readAll(half.getInputStream()), StandardCharsets.US_ASCII))
                        .startsWith("HTTP/1.1 200");
            }
            for (Socket slow : open) {
                trickle(slow);
            }
            // while all of that is open, a good client is served
            try (RawHttp good = new RawHttp(base.getPort())) {
                assertThat(good.exchange(RawHttp.get("/get?good=1")).status()).isEqualTo(200);
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static Socket connect(URI base, List<Socket> open) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(10_000);
        open.add(s);
        return s;
    }

    /** One more byte of a never-ending header, where the socket is still open. */
    private static void trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('b');
            out.flush();
        } catch (IOException closedByTheTarget) {
            // the target gave up on this one: fine
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** The target's open descriptors once they stop changing (at most 10 s); with {@code goal}, once it is reached. */
    private static long settledFds(long pid, long goal) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -2;
        int still = 0;
        while (System.nanoTime() < deadline) {
            long now = fds(pid);
            if (now == goal) {
                return now;
            }
            still = now == last ? still + 1 : 0;
            if (goal < 0 && still >= 10) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    private static long fds(long pid) throws IOException {
        try (Stream<Path> fd = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fd.count();
        }
    }
}
