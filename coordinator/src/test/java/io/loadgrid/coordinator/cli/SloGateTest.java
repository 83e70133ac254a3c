package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --slo} as CI uses it: a real run on the embedded target, judged on its merged figures; an unmet objective
 * exits 4 and is a failure in a JUnit report that Maven Surefire's own report parser reads.
 */
class SloGateTest {
    @TempDir
    Path tmp;

    /** The report as CI systems read it: Surefire's parser, as its report plugin uses it. */
    static List<ReportTestCase> junitCases(Path file) throws Exception {
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
        assertThat(suites).hasSize(1);
        return suites.getFirst().getTestCases();
    }

    @Test
    void anUnmetObjectiveExitsWithItsCodeAndFailsItsJUnitCase() throws Exception {
        Path json = tmp.resolve("run.json");
        Path junit = tmp.resolve("reports/slo.xml");
        // 20 ms of emulated latency: every response takes longer than 5 ms and far less than 5 s
        Console.Ran r = RunCliTest.run(
                "--concurrency",
                "20",
                "--urls",
                "400",
                "--target-latency",
                "20",
                "--slo",
                "p50<5s",
                "--slo",
                "p99 < 5ms",
                "--slo",
                "errors<1%",
                "--json",
                json.toString(),
                "--junit",
                junit.toString());

        assertThat(r.exit())
                .as(r.out() + r.err())
                .isEqualTo(ExitCode.SLO_FAILED.code())
                .isEqualTo(4);
        assertThat(r.out()).contains("Objectives: 1 of 3 NOT MET").containsPattern("p99<5ms +NOT MET +p99 \\d");

        JsonNode doc = Json.MAPPER.readTree(json.toFile());
        JsonNode slo = doc.get("slo");
        assertThat(slo).hasSize(3);
        assertThat(slo.get(0).get("met").asBoolean()).isTrue();
        assertThat(slo.get(1).get("slo").asText()).isEqualTo("p99<5ms");
        assertThat(slo.get(1).get("met").asBoolean()).isFalse();
        // one definition: the objective's p99 is the table's p99, from the same merged histogram
        assertThat(slo.get(1).get("measured").asDouble() * 1000)
                .isCloseTo(
                        doc.get("latency_us").get("p99").asDouble(),
                        org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(slo.get(2).get("measured").asDouble()).isZero();

        List<ReportTestCase> cases = junitCases(junit);
        assertThat(cases)
                .extracting(ReportTestCase::getName)
                .containsExactly("async c=20: p50<5s", "async c=20: p99<5ms", "async c=20: errors<1%");
        assertThat(cases).extracting(ReportTestCase::hasFailure).containsExactly(false, true, false);
        assertThat(cases.get(1).getFailureMessage()).startsWith("p99 ").contains("needs < 5 ms");
        assertThat(cases.get(1).getTime()).isPositive();
    }

    @Test
    void metObjectivesExitZero() throws Exception {
        Path junit = tmp.resolve("ok.xml");
        Console.Ran r = RunCliTest.run(
                "--concurrency",
                "10",
                "--urls",
                "200",
                "--slo",
                "max<10s",
                "--slo",
                "rps>1",
                "--junit",
                junit.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Objectives: all 2 met");
        assertThat(junitCases(junit)).allMatch(ReportTestCase::isSuccessful).hasSize(2);
    }

    @Test
    void aLostObjectiveStopsARunAfterTheGracePeriod() throws Exception {
        Path json = tmp.resolve("stopped.json");
        // a minute of load whose every answer takes 20 ms: p99<5ms is lost from the first snapshot on
        Console.Ran r = RunCliTest.run(
                "--concurrency",
                "20",
                "--duration",
                "60s",
                "--target-latency",
                "20",
                "--slo",
                "p99<5ms",
                "--abort-on-fail",
                "2s",
                "--json",
                json.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.SLO_FAILED.code());
        assertThat(r.err()).contains("objective p99<5ms lost").contains("stopping the run (--abort-on-fail)");
        JsonNode doc = Json.MAPPER.readTree(json.toFile());
        assertThat(doc.get("stopped_by").asText()).startsWith("objective p99<5ms lost");
        // stopped soon after the grace, not at the minute's end; what ran is measured and judged
        assertThat(doc.get("wall_s").asDouble()).isBetween(2.0, 20.0);
        assertThat(doc.get("ok").asLong()).isPositive();
        assertThat(doc.get("slo").get(0).get("met").asBoolean()).isFalse();
    }

    @Test
    void aWrongObjectiveIsBadInputBeforeAnythingRuns() {
        RunCliTest.assertBadInput(RunCliTest.run("--abort-on-fail", "5s"), "--abort-on-fail", "--slo 'p99<50ms'");
        RunCliTest.assertBadInput(
                RunCliTest.run("--slo", "p99<1s", "--abort-on-fail", "soon"),
                "--abort-on-fail 'soon' is not a duration");
        RunCliTest.assertBadInput(RunCliTest.run("--slo", "p99<50"), "--slo 'p99<50'", "needs a unit", "p99<50ms");
        RunCliTest.assertBadInput(
                RunCliTest.run("--junit", tmp.resolve("j.xml").toString()), "--junit", "--slo 'p99<50ms'");
        RunCliTest.assertBadInput(
                RunCliTest.run("--slo", "p99<1s", "--junit", tmp.toString()), "--junit", "is a folder");
    }
}
