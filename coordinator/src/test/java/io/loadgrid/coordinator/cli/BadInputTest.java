package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input generated from the parameter table (every run option and plan field, by its type), and the other
 * ways in (URL templates, sweep plans, resume ids, secrets files, coordinators): each gets exactly one line on stderr
 * that names what is wrong, exit code 2, no stack trace, and no output file.
 */
class BadInputTest {
    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("bad-input");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** A command line, what its one line must name, and which command reads it. */
    record Case(String command, List<String> args, String names) {
        @Override
        public String toString() {
            return command + " " + String.join(" ", args);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60) // a case that is wrongly taken as good starts a run: fail it rather than wait
    void oneLineExitTwoNoStackTraceNoOutput(Case c) throws IOException {
        Path json = dir.resolve("out-" + System.nanoTime() + ".json");
        Path out = dir.resolve("results-" + System.nanoTime());
        List<String> args = new ArrayList<>(c.args());
        Function<String[], Integer> main;
        if (c.command().equals("run")) {
            args.addAll(List.of("--json", json.toString()));
            main = RunCli::execute;
        } else if (c.command().equals("agents")) {
            main = a -> AgentsCli.execute(System.out, a);
        } else {
            if (!args.contains("--coordinator")) {
                args.addAll(List.of("--out", out.toString()));
            }
            main = SweepCli::execute;
        }
        Console.Ran r = Console.capture(main, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err())
                .startsWith("loadgrid " + c.command() + ": ")
                .contains(c.names())
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(json).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void thereAreAtLeast200() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(200);
    }

    static Stream<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>();
        for (Param p : RunParams.ALL) {
            for (String bad : badValues(p)) {
                all.add(new Case("run", withItems(p, List.of(p.option() + "=" + bad)), p.option()));
                if (p.inPlan()) {
                    all.add(plan(
                            "defaults: {" + p.key() + ": '" + bad.replace("'", "''") + "'}\ninclude:\n  - {items: 1}",
                            p.key()));
                    all.add(plan("include:\n  - {" + p.key() + ": [" + (bad.isEmpty() ? "1" : "'x'") + "]}", p.key()));
                }
            }
        }
        for (String template : List.of(
                "ftp://127.0.0.1/{i}",
                "http://127.0.0.1:8080/{index}",
                "http://127.0.0.1:8080/{i",
                "http://127.0.0.1:99999/{i}",
                "not a url",
                "http:///{i}",
                "//127.0.0.1/{i}",
                "http://127.0.0.1:8080/{i}{j}")) {
            all.add(new Case("run", List.of("--urls", "1", "--url", template), "--url"));
        }
        for (String option : List.of("--bogus", "--urlz=3", "-x", "--model=", "--concurrency")) {
            all.add(new Case("run", List.of("--urls", "1", option), option.replaceAll("=.*", "")));
        }
        for (String[] conflict : new String[][] {
            {"--urls", "10", "--duration", "5s", "choose a count or a duration"},
            {"--base", "http://127.0.0.1:1", "--url", "http://127.0.0.1:1/{i}", "--base"},
            {"--model", "sync", "--concurrency", "10", "one request at a time"},
            {"--model", "sync", "--stages", "1s->5", "up to 5 in flight"},
            {"--model", "multiprocess", "--processes", "3", "--stages", "1s->2", "the 2 in flight --stages"},
            {"--model", "hybrid", "--concurrency", "4", "--threads", "8", "--threads"}
        }) {
            List<String> a = List.of(conflict).subList(0, conflict.length - 1);
            all.add(new Case("run", a, conflict[conflict.length - 1]));
        }
        all.addAll(secrets());
        all.addAll(plans());
        for (String id : List.of("nonexistent-20260101-000000", "../..", "a/b/c", "")) {
            all.add(new Case("sweep", List.of("--resume", id), "no sweep"));
        }
        String plan = plan("include:\n  - {items: 1}", "").args().getFirst();
        for (String[] c : new String[][] {
            {"ftp://127.0.0.1:1", "not an http URL"},
            {"not a url", "not an http URL"},
            {"http://127.0.0.1:1", "no coordinator answers"}
        }) {
            all.add(new Case("sweep", List.of("--coordinator", c[0], plan), c[1]));
        }
        return all.stream();
    }

    /** Values each type refuses, with the shape of a mistake a user makes. */
    private static List<String> badValues(Param p) {
        return switch (p.type()) {
            case COUNT, BIG_COUNT -> List.of("0", "-1", "ten", "1.5", "99999999999999999999", "0x10", "");
            case POSITIVE -> List.of("0", "-1", "abc", "NaN", "Infinity", "");
            case NON_NEGATIVE -> List.of("-0.5", "abc", "NaN", "Infinity", "");
            case DURATION -> List.of("soon", "-5s", "5 parsecs", "0s", "");
            case STAGES -> List.of("1s", "1s->", "1s->100/s,1s->5", "0s@100/s", "1s@0", "1s->2.5", "1s@-3/s", ",", "");
            case FLAG -> List.of("maybe", "");
            case CHOICE -> List.of("nonexistent", "", p.choices().getFirst() + "x");
            case TEXT -> textValues(p);
        };
    }

    private static List<String> textValues(Param p) {
        return switch (p.key()) {
            case "base" -> List.of("ftp://127.0.0.1", "127.0.0.1:8080", "http://", "");
            case "url" -> List.of("http://127.0.0.1:8080/{x}", "mailto:a@b", "");
            // the case's own --json is added to every run (picocli refuses a second one before it reads the value)
            case "json" -> List.of("");
            default -> List.of("");
        };
    }

    /** A count so that a case that wrongly passed would run one item, not ten thousand. */
    private static List<String> withItems(Param p, List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (!List.of("items", "duration", "stages").contains(p.key())) {
            all.addAll(List.of("--urls", "1"));
        }
        return all;
    }

    private static List<Case> secrets() throws IOException {
        Path missing = dir.resolve("no-such-secret");
        Path empty = Files.writeString(dir.resolve("empty-secret"), "");
        Path shortOne = Files.writeString(dir.resolve("short-secret"), "abc\n");
        Path folder = Files.createDirectories(dir.resolve("secret-folder"));
        Files.writeString(dir.resolve("a-file.txt"), "a file, not a folder");
        List<Case> all = new ArrayList<>();
        for (Path secret : List.of(missing, empty, shortOne, folder)) {
            all.add(new Case(
                    "agents",
                    List.of("--join", "127.0.0.1:1", "--cluster-name", "c", "--secret-file", secret.toString()),
                    "secret"));
        }
        all.add(new Case("agents", List.of("--join", "127.0.0.1:1", "--cluster-name", "c"), "secret"));
        return all;
    }

    private static List<Case> plans() throws IOException {
        List<Case> all = new ArrayList<>();
        all.add(plan("include:\n  - {items: 1, colour: blue}", "colour"));
        all.add(plan("nmae: x\ninclude:\n  - {items: 1}", "nmae"));
        all.add(plan("include: {items: 1}", "include"));
        all.add(plan("include:\n  - {items: 1}\nmatrix: 3", "matrix"));
        all.add(plan("matrix:\n  model: {async: 1}", "model"));
        all.add(plan("repetitions: -1\ninclude:\n  - {items: 1}", "repetitions"));
        all.add(plan("warmups: many\ninclude:\n  - {items: 1}", "warmups"));
        all.add(plan("include:\n  - {items: 1\n", "not valid YAML"));
        all.add(plan("include:\n\t- {items: 1}", "not valid YAML"));
        all.add(plan(": :\n- - -", "not valid YAML"));
        all.add(plan("", "empty"));
        all.add(plan("- just\n- a list", "plan"));
        all.add(plan("'a string'", "plan"));
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Path binary = dir.resolve("junk-" + all.size() + ".yaml");
        Files.write(binary, junk);
        all.add(new Case(
                "sweep", List.of(binary.toString()), binary.getFileName().toString()));
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "name: huge\ninclude:\n" + "  - {items: 1}\n".repeat(1_500_000));
        all.add(new Case("sweep", List.of(huge.toString()), "huge.yaml"));
        all.add(new Case("sweep", List.of(dir.resolve("no-such-plan.yaml").toString()), "no-such-plan.yaml"));
        all.add(new Case("sweep", List.of(dir.toString()), dir.getFileName().toString()));
        return all;
    }

    private static Case plan(String yaml, String names) {
        try {
            Path file = Files.createTempFile(dir, "plan-", ".yaml");
            boolean whole =
                    yaml.isEmpty() || yaml.contains("name:") || !yaml.contains("include:") && !yaml.contains("matrix:");
            Files.writeString(file, (whole ? "" : "name: bad\n") + yaml, StandardCharsets.UTF_8);
            return new Case("sweep", List.of(file.toString()), names);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
