package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that cannot be written: a folder that is not one or is read-only is refused before anything is sent; a
 * disk that fills up while a run or a sweep is measured costs one line and nothing already saved. The disks are small
 * tmpfs mounts (root only, as CI runs).
 */
class FullDiskTest {
    @TempDir
    Path tmp;

    @Test
    void aJsonPathInsideAFileIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
        RunCliTest.assertBadInput(
                RunCliTest.run("--urls", "10", "--json", file.resolve("r.json").toString()), "is not a folder");
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeAnythingRuns() throws Exception {
        Path ro = mount("ro,size=64k");
        try {
            RunCliTest.assertBadInput(
                    RunCliTest.run(
                            "--urls", "10", "--json", ro.resolve("r.json").toString()),
                    "Read-only file system");
            Path plan = Files.writeString(tmp.resolve("one.yaml"), "name: one\ninclude:\n  - {items: 10}\n");
            Console.Ran sweep = Console.capture(
                    SweepCli::execute,
                    plan.toString(),
                    "--out",
                    ro.resolve("results").toString());
            assertThat(sweep.exit()).as(sweep.err()).isEqualTo(ExitCode.BAD_INPUT.code());
            assertThat(sweep.err().strip().lines()).hasSize(1);
            assertThat(sweep.err()).contains("--out", "Read-only file system");
        } finally {
            unmount(ro);
        }
    }

    @Test
    void aRunMeasuredOntoAFullDiskPrintsItsTableAndLeavesNoFile() throws Exception {
        Path full = mount("size=64k");
        try {
            fill(full);
            Console.Ran r = RunCliTest.run(
                    "--urls", "200", "--json", full.resolve("r.json").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INCOMPLETE.code());
            assertThat(r.out()).contains("Execution Time", "200 ok / 0 failed");
            // a run that outlasts a snapshot also prints progress lines to a stderr that is not a terminal
            assertThat(r.err().strip().lines().filter(l -> !l.startsWith("progress:")))
                    .hasSize(1);
            assertThat(r.err())
                    .contains("cannot write " + full.resolve("r.json"), "No space left on device", "the table above")
                    .doesNotContain("Exception");
            assertThat(names(full)).containsExactly("fill");
        } finally {
            unmount(full);
        }
    }

    @Test
    void aSweepThatFillsItsDiskKeepsTheCellsSavedAndResumes() throws Exception {
        Path disk = mount("size=32m");
        try {
            Path plan = tmp.resolve("two.yaml");
            Files.writeString(plan, """
                    name: two
                    repetitions: 1
                    warmups: 0
                    defaults: {model: async, concurrency: 10}
                    include:
                      - {name: first, items: 300}
                      - {name: second, duration: 4s}
                    """);
            Path results = disk.resolve("results");
            CompletableFuture<Console.Ran> sweep = CompletableFuture.supplyAsync(
                    () -> Console.capture(SweepCli::execute, plan.toString(), "--out", results.toString()));
            Path saved = awaitFirstCellSaved(results);
            fill(disk);
            Console.Ran r = sweep.get(120, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INCOMPLETE.code());
            String id = saved.getParent().getFileName().toString();
            assertThat(r.err())
                    .contains("No space left on device", "the cells saved before it are intact")
                    .contains("./loadgrid sweep --resume " + id + " --out " + results);
            JsonNode kept = Json.MAPPER.readTree(saved.toFile());
            assertThat(kept.get("cells").get(0).get("status").asText()).isEqualTo("done");
            assertThat(kept.get("cells").get(1).get("status").asText()).isNotEqualTo("done");

            Files.delete(disk.resolve("fill"));
            Console.Ran resumed = Console.capture(SweepCli::execute, "--resume", id, "--out", results.toString());
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("first: done before, kept");
            JsonNode done = Json.MAPPER.readTree(saved.toFile());
            assertThat(done.get("cells").get(0)).isEqualTo(kept.get("cells").get(0));
            assertThat(done.get("cells").get(1).get("status").asText()).isEqualTo("done");
        } finally {
            unmount(disk);
        }
    }

    /** A tmpfs of its own under the test's folder; the test is skipped where mounting is not allowed. */
    private Path mount(String options) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("disk-" + System.nanoTime()));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(
                p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                "a tmpfs cannot be mounted here (needs root): " + said);
        return dir;
    }

    private static void unmount(Path dir) throws Exception {
        // lazily: a command still running on a failed test must not keep the mount behind
        new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    /** Writes until the disk refuses another byte. */
    private static void fill(Path disk) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(disk.resolve("fill"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static Path awaitFirstCellSaved(Path results) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(results)) {
                Path dir = SweepCliTestAccess.sweepDir(results);
                Path json = dir == null ? null : dir.resolve("results.json");
                if (json != null && Files.exists(json)) {
                    JsonNode doc = Json.MAPPER.readTree(json.toFile());
                    if ("done".equals(doc.get("cells").get(0).path("status").asText())) {
                        return json;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first cell was not saved within 90 s");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The sweep's folder under --out, once it exists. */
    private static final class SweepCliTestAccess {
        static Path sweepDir(Path results) throws IOException {
            try (Stream<Path> dirs = Files.list(results)) {
                return dirs.filter(Files::isDirectory).findFirst().orElse(null);
            }
        }
    }
}
