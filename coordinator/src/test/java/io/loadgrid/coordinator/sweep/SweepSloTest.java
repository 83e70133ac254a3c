package io.loadgrid.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import io.loadgrid.report.sweep.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan's objectives: the plan's for every cell, a cell's own over them; verdicts in every output and exit 4. */
class SweepSloTest {
    @TempDir
    Path tmp;

    static final String PLAN = """
            name: gated
            repetitions: 2
            warmups: 0
            defaults: {items: 300, concurrency: 20, target_latency_ms: 20}
            slo: ['errors<1%', 'p99<5s']
            include:
              - {model: async}
              - {name: strict, model: threads, slo: 'p99<5ms'}
            """;

    @Test
    void aCellThatMissesItsObjectiveFailsTheSweepInEveryOutput() throws Exception {
        Path plan = tmp.resolve("gated.yaml");
        Files.writeString(plan, PLAN);
        Path junit = tmp.resolve("ci/junit.xml");
        Console.Ran r = Console.capture(
                SweepCli::execute,
                plan.toString(),
                "--out",
                tmp.resolve("results").toString(),
                "--junit",
                junit.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.SLO_FAILED.code());
        Path dir = SweepCliTest.sweepDir(tmp.resolve("results"));

        JsonNode cells =
                Json.MAPPER.readTree(dir.resolve("results.json").toFile()).get("cells");
        assertThat(cells.get(0).get("slo"))
                .extracting(v -> v.get("slo").asText())
                .containsExactly("errors<1%", "p99<5s");
        assertThat(cells.get(0).get("slo")).allMatch(v -> v.get("met").asBoolean());
        // the cell's own p99 replaced the plan's; its p99 is that of both repetitions' histograms merged
        JsonNode strict = cells.get(1);
        assertThat(strict.get("slo")).extracting(v -> v.get("slo").asText()).containsExactly("errors<1%", "p99<5ms");
        assertThat(strict.get("slo").get(1).get("met").asBoolean()).isFalse();
        assertThat(strict.get("slo").get(1).get("measured").asDouble() * 1000)
                .isCloseTo(
                        strict.get("latency_us").get("p99").asDouble(),
                        org.assertj.core.data.Percentage.withPercentage(0.1));

        for (Path file : List.of(junit, dir.resolve("junit.xml"))) {
            List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
            // Surefire's parser makes a suite of each class name, as its reports have one class per file
            List<ReportTestCase> cases = suites.stream()
                    .flatMap(suite -> suite.getTestCases().stream())
                    .toList();
            assertThat(cases)
                    .extracting(ReportTestCase::getFullClassName)
                    .containsExactly("gated.c01", "gated.c01", "gated.c02", "gated.c02");
            assertThat(cases)
                    .extracting(ReportTestCase::getName)
                    .containsExactly("async: errors<1%", "async: p99<5s", "strict: errors<1%", "strict: p99<5ms");
            assertThat(cases).extracting(ReportTestCase::hasFailure).containsExactly(false, false, false, true);
            assertThat(suites).extracting(ReportTestSuite::getNumberOfFailures).containsExactly(0, 1);
        }

        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("## Objectives: 3 of 4 met")
                .containsPattern("\\| c02 +\\| strict +\\| p99<5ms +\\| NOT MET +\\| p99 [\\d.]+ ms, needs < 5 ms");
        // as a browser renders it: the objectives' table beside the overview and the two cells', the unmet row marked
        Chromium chromium = new Chromium(tmp);
        assertThat(chromium.renderedBody(dir.resolve("report.html"))).contains("data-tables=\"4\"");
        String dom = chromium.run(
                "--virtual-time-budget=5000",
                "--dump-dom",
                dir.resolve("report.html").toUri().toString());
        assertThat(dom).contains("Objectives: 3 of 4 met").containsPattern("<tr class=\"unmet\"><td>c02</td>");
    }

    @Test
    void aRunThatLosesItsObjectiveEndsItsCellAndTheSweepGoesOn() throws Exception {
        Path plan = tmp.resolve("abort.yaml");
        Files.writeString(plan, """
                name: abort
                repetitions: 3
                warmups: 0
                defaults: {concurrency: 20, target_latency_ms: 20}
                slo: 'p99<5ms'
                abort_on_fail: 2s
                include:
                  - {model: async, duration: 60s}
                  - {name: lenient, model: async, items: 200, slo: 'p99<5s'}
                """);
        Console.Ran r = Console.capture(
                SweepCli::execute, plan.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.SLO_FAILED.code());
        assertThat(r.err()).contains("(stopped: objective lost)");
        JsonNode cells = Json.MAPPER
                .readTree(SweepCliTest.sweepDir(tmp.resolve("out"))
                        .resolve("results.json")
                        .toFile())
                .get("cells");
        JsonNode stopped = cells.get(0);
        assertThat(stopped.get("status").asText()).isEqualTo("done");
        assertThat(stopped.get("runs"))
                .as("the first run lost it: no more repetitions")
                .hasSize(1);
        assertThat(stopped.get("runs").get(0).get("stopped_by").asText()).startsWith("objective p99<5ms lost");
        assertThat(stopped.get("runs").get(0).get("wall_s").asDouble()).isLessThan(20);
        assertThat(stopped.get("slo").get(0).get("met").asBoolean()).isFalse();
        assertThat(cells.get(1).get("runs")).hasSize(3);
        assertThat(cells.get(1).get("slo").get(0).get("met").asBoolean()).isTrue();
    }

    @Test
    void aWrongObjectiveInAPlanIsReportedAtItsLine() throws Exception {
        Path plan = tmp.resolve("bad.yaml");
        Files.writeString(plan, PLAN.replace("'p99<5ms'", "'p99<5'"));
        Console.Ran bad = Console.capture(SweepCli::execute, plan.toString(), "--out", tmp.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).contains("bad.yaml:8").contains("include.slo").contains("needs a unit");

        Path none = tmp.resolve("none.yaml");
        Files.writeString(none, "name: none\ndefaults: {items: 10}\n");
        Console.Ran noSlo = Console.capture(
                SweepCli::execute,
                none.toString(),
                "--out",
                tmp.toString(),
                "--junit",
                tmp.resolve("j.xml").toString());
        assertThat(noSlo.exit()).isEqualTo(2);
        assertThat(noSlo.err()).contains("--junit").contains("holds none");
    }
}
