package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real headless Chromium, for tests that check what a browser makes of report.html. */
public final class Chromium {
    private static final List<String> BROWSERS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final Pattern BODY = Pattern.compile("<body[^>]*>");
    private final Path tmp;

    public Chromium(Path tmp) {
        this.tmp = tmp;
    }

    /** The {@code <body ...>} tag of the page once its script ran: it carries data-rendered and data-tables. */
    public String renderedBody(Path report) throws IOException, InterruptedException {
        String dom =
                run("--virtual-time-budget=5000", "--dump-dom", report.toUri().toString());
        Matcher body = BODY.matcher(dom);
        assertThat(body.find()).as("a <body> in the dumped DOM:%n%s", dom).isTrue();
        return body.group();
    }

    /** Headless Chromium's stdout; it runs as root in CI, hence no sandbox, and with a profile of its own. */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                browser(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within 60 s: %s%n%s", cmd, Files.readString(err));
        }
        assertThat(p.exitValue())
                .as("Chromium's exit code; stderr:%n%s", Files.readString(err))
                .isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String browser() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : BROWSERS) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("no headless browser on PATH (looked for %s): apt-get install chromium", BROWSERS);
    }
}
