package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.process.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the CLI as a real child JVM, the way a parent process (agent, bench script) does. */
class TargetCliTest {

    private static final Pattern LISTENING =
            Pattern.compile(Pattern.quote(Role.TARGET.readyPrefix()) + "http://127\\.0\\.0\\.1:(\\d+)");

    private static Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                TargetCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    private static String stderrOf(Process p) throws Exception {
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("process exited").isTrue();
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void printsTheListeningLineServesAndExitsWhenStdinCloses() throws Exception {
        Process p = launch("--port", "0", "--io-threads", "1", "--exit-on-stdin-eof");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = LISTENING.matcher(line == null ? "" : line);
            assertThat(m.matches()).as("first stdout line: %s", line).isTrue();
            int port = Integer.parseInt(m.group(1));

            try (RawHttp http = new RawHttp(port)) {
                assertThat(http.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
            }

            p.getOutputStream().close(); // the "parent" goes away
            assertThat(p.waitFor(20, TimeUnit.SECONDS))
                    .as("exited after stdin EOF")
                    .isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out.readLine()).as("exactly one stdout line").isNull();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void terminatesCleanlyOnSigterm() throws Exception {
        Process p = launch("--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith(Role.TARGET.readyPrefix());
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() throws Exception {
        for (String[] args : List.of(
                new String[] {"--port", "http"},
                new String[] {"--latency", "-3"},
                new String[] {"--io-threads", "0"},
                new String[] {"--frobnicate"},
                new String[] {"--port", "70000"})) {
            Process p = launch(args);
            String err = stderrOf(p);
            assertThat(p.exitValue()).as("exit code for %s", List.of(args)).isEqualTo(2);
            assertThat(err.strip().lines()).as("stderr for %s", List.of(args)).hasSize(1);
            assertThat(err).startsWith("loadgrid target: ").contains("--help").doesNotContain("Exception");
        }
    }

    @Test
    void portInUseGivesOneLineAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process p = launch("--port", Integer.toString(taken.getLocalPort()));
            String err = stderrOf(p);
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(err.strip().lines()).hasSize(1);
            assertThat(err)
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .containsIgnoringCase("in use")
                    .contains("--port")
                    .doesNotContain("Exception");
        }
    }
}
