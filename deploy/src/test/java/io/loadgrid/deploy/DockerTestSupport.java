package io.loadgrid.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** What the Docker deployment tests share: where the files are, running a tool, reading YAML. */
final class DockerTestSupport {
    /** Tests run in coordinator/, so the repository root is its parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path DOCKERFILE = DEPLOY.resolve("docker/Dockerfile");
    static final Path COMPOSE = DEPLOY.resolve("docker-compose.yml");
    static final Path PROMETHEUS = DEPLOY.resolve("prometheus/prometheus.yml");
    static final Path TOOLS = ROOT.resolve("build/tools");
    static final String LINTERS_HINT = "run deploy/tools/install-linters.sh (needs nodejs and npm)";

    private DockerTestSupport() {}

    record Result(int exit, String output) {}

    /**
     * Runs a program in {@code dir} with stderr merged into stdout; {@code env} is added to this process's environment.
     */
    static Result run(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Result run(Path dir, List<String> command) {
        return run(dir, Map.of(), command);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml().load(text);
    }

    /** The replacement must change the text: a mutation test whose mutation silently missed would prove nothing. */
    static String mutate(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new AssertionError("the file no longer contains '" + from + "'; update the mutation test");
        }
        return text.replace(from, to);
    }
}
