package io.loadgrid.coordinator.sweep.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.workload.Workload;
import io.loadgrid.coordinator.cli.RunCli;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.request.RunValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Plans as people write them: expansion order, names and groups, and one exact line for every mistake. */
class PlanParserTest {
    static final String QUICK = """
            name: quick
            description: every model at two concurrency levels
            repetitions: 2
            warmups: 1
            defaults:
              workload: seed
              items: 3000
              target_latency_ms: 5
            matrix:
              model: [threads, virtual, async]
              concurrency: [10, 100]
            exclude:
              - {model: async, concurrency: 10}
            include:
              - {model: sync}
              - {name: async on 2 agents, model: async, concurrency: 100, agents: 2}
            """;

    static SweepPlan parse(String text) {
        return PlanParser.parse("sweeps/t.yaml", text);
    }

    static void assertError(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(PlanError.class).hasMessage(message);
    }

    @Test
    void productThenExcludeThenInclude() {
        SweepPlan plan = PlanParser.parse("sweeps/quick.yaml", QUICK);
        assertThat(plan.name()).isEqualTo("quick");
        assertThat(plan.description()).isEqualTo("every model at two concurrency levels");
        assertThat(plan.file()).isEqualTo("sweeps/quick.yaml");
        assertThat(plan.source()).isEqualTo(QUICK);
        assertThat(plan.repetitions()).isEqualTo(2);
        assertThat(plan.cells()).extracting(Cell::id).containsExactly("c01", "c02", "c03", "c04", "c05", "c06", "c07");
        assertThat(plan.cells())
                .extracting(Cell::name)
                .containsExactly(
                        "threads c=10",
                        "threads c=100",
                        "virtual c=10",
                        "virtual c=100",
                        "async c=100",
                        "sync c=1",
                        "async on 2 agents");
        assertThat(plan.cells()).extracting(Cell::line).containsExactly(9, 9, 9, 9, 9, 15, 16);
        assertThat(plan.cells().getFirst().params())
                .containsExactly(
                        entry("workload", "seed"),
                        entry("items", 3000L),
                        entry("target_latency_ms", 5.0),
                        entry("model", "threads"),
                        entry("concurrency", 10));
        assertThat(plan.cells().get(5).params())
                .containsExactly(
                        entry("workload", "seed"),
                        entry("items", 3000L),
                        entry("target_latency_ms", 5.0),
                        entry("model", "sync"));
        assertThat(plan.cells().getLast().params())
                .containsExactly(
                        entry("workload", "seed"),
                        entry("items", 3000L),
                        entry("target_latency_ms", 5.0),
                        entry("name", "async on 2 agents"),
                        entry("model", "async"),
                        entry("concurrency", 100),
                        entry("agents", 2));
        assertThat(plan.cells())
                .extracting(Cell::group)
                .containsExactly(
                        "items=3000 target_latency_ms=5 workload=seed",
                        "items=3000 target_latency_ms=5 workload=seed",
                        "items=3000 target_latency_ms=5 workload=seed",
                        "items=3000 target_latency_ms=5 workload=seed",
                        "items=3000 target_latency_ms=5 workload=seed",
                        "items=3000 target_latency_ms=5 workload=seed",
                        "agents=2 items=3000 target_latency_ms=5 workload=seed");
    }

    @Test
    void syncKeepsOneCellOfAConcurrencyAxis() {
        SweepPlan plan = parse("""
                name: t
                matrix:
                  model: [sync, async]
                  concurrency: [10, 100]
                """);
        assertThat(plan.cells()).extracting(Cell::name).containsExactly("sync c=1", "async c=10", "async c=100");
        assertThat(plan.cells()).extracting(Cell::id).containsExactly("c01", "c02", "c03");
        assertThat(plan.cells().getFirst().params()).containsExactly(entry("model", "sync"));
    }

    @Test
    void syncKeepsAConcurrencyFromDefaultsAndFailsLikeTheRunCommand() {
        assertError(
                """
                name: t
                defaults: {concurrency: 10}
                matrix:
                  model: [sync, async]
                """,
                "sweeps/t.yaml:3: cell c01 {concurrency: 10, model: sync}: model sync runs one request at a time;"
                        + " drop concurrency or pick model threads");
    }

    @Test
    void repetitionsAndWarmupsDefault() {
        SweepPlan plan = parse("name: t\ndefaults: {model: async}\n");
        assertThat(plan.repetitions()).isEqualTo(3);
        assertThat(plan.warmups()).isEqualTo(1);
        assertThat(plan.description()).isNull();
        assertThat(plan.cells()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("async");
            assertThat(c.line()).isEqualTo(2);
            assertThat(c.group()).isEmpty();
        });
        assertError(
                "name: t\nrepetitions: 0\ndefaults: {}\n",
                "sweeps/t.yaml:2: field 'repetitions': must be between 1 and 1000, got 0");
        assertError(
                "name: t\nwarmups: 101\ndefaults: {}\n",
                "sweeps/t.yaml:2: field 'warmups': must be between 0 and 100, got 101");
    }

    @Test
    void wrongTypeIsReportedAtTheValuesOwnLine() {
        assertError("""
                name: t
                matrix:
                  model: async
                  concurrency:
                    - 10
                    - ten
                """, "sweeps/t.yaml:6: field 'matrix.concurrency': expected an integer, got 'ten'");
        assertError(
                "name: t\ninclude:\n  - {model: async, rate: fast}\n",
                "sweeps/t.yaml:3: field 'include.rate': expected a number, got 'fast'");
        assertError(
                "name: t\ndefaults:\n  concurrency: 0\n",
                "sweeps/t.yaml:3: field 'defaults.concurrency': must be at least 1, got 0");
        assertError(
                "name: t\nmatrix:\n  model: [async, fibers]\n",
                "sweeps/t.yaml:3: field 'matrix.model': 'fibers' is not one of sync, threads, virtual, async, "
                        + "hybrid, multiprocess");
    }

    @Test
    void unknownKeyNamesItsPlaceAndTheKnownKeys() {
        assertThatThrownBy(() -> parse("name: t\ndefaults:\n  items: 10\n  concurency: 10\n"))
                .isInstanceOf(PlanError.class)
                .hasMessageStartingWith("sweeps/t.yaml:4: field 'defaults.concurency': unknown key; use one of model, "
                        + "concurrency, items,")
                .hasMessageEndingWith("chunk, prewarm, name, group, slo");
        assertError(
                "name: t\nrepetition: 2\n",
                "sweeps/t.yaml:2: field 'repetition': unknown key; use one of "
                        + "name, description, repetitions, warmups, defaults, matrix, include, exclude, slo, "
                        + "abort_on_fail, search");
        assertError(
                "name: t\ndefaults: {items: 10, slo: 'p99<1s'}\n",
                "sweeps/t.yaml:2: field 'defaults.slo': objectives hold the whole plan or one include entry; move it"
                        + " to the top level or into an include entry");
        assertError(
                "name: t\ndefaults: {name: x}\n",
                "sweeps/t.yaml:2: field 'defaults.name': names a single cell; give it in an include entry");
    }

    @Test
    void yamlSyntaxErrorHasFileAndLine() {
        assertThatThrownBy(() -> parse("name: t\nmatrix:\n  model: async: threads\n"))
                .isInstanceOf(PlanError.class)
                .hasMessageStartingWith("sweeps/t.yaml:3: not valid YAML: mapping values are not allowed here")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidCellIsReportedInPlanWords() {
        assertError(
                """
                name: t
                include:
                  - {model: async}
                  - {model: hybrid, concurrency: 10, threads: 20}
                """,
                "sweeps/t.yaml:4: cell c02 {model: hybrid, concurrency: 10, threads: 20}: threads 20 exceeds"
                        + " concurrency 10: every event loop needs at least one request in flight; raise "
                        + "concurrency or lower threads");
        assertError(
                "name: t\ndefaults: {items: 10, duration: 5s}\n",
                "sweeps/t.yaml:2: cell c01 {items: 10, duration: 5s}: items and duration both given; choose a "
                        + "count or a duration");
    }

    @Test
    void namesShowWhatDiffersAndOnlyWhereItApplies() {
        SweepPlan plan = parse("""
                name: t
                defaults: {concurrency: 100}
                matrix:
                  model: [hybrid, async]
                  items: [10000, 1000000]
                include:
                  - {model: hybrid, threads: 4}
                  - {model: threads, timeout: 5s}
                  - {model: threads, timeout: 9s}
                """);
        assertThat(plan.cells())
                .extracting(Cell::name)
                .containsExactly(
                        "hybrid t=10 n=10k",
                        "hybrid t=10 n=1M",
                        "async n=10k",
                        "async n=1M",
                        "hybrid t=4 n=10k",
                        "threads n=10k (c06)",
                        "threads n=10k (c07)");
        // timeout is mentioned, so every cell shows its effective timeout, and the default equals a plan's 30s
        assertThat(plan.cells())
                .extracting(Cell::group)
                .containsExactly(
                        "items=10000 timeout=30s",
                        "items=1000000 timeout=30s",
                        "items=10000 timeout=30s",
                        "items=1000000 timeout=30s",
                        "items=10000 timeout=30s",
                        "items=10000 timeout=5s",
                        "items=10000 timeout=9s");
    }

    @Test
    void givenNameAndGroupWin() {
        SweepPlan plan = parse("""
                name: t
                include:
                  - {name: baseline, group: g, model: sync, workload: encode}
                  - {model: async, workload: seed, group: g}
                """);
        assertThat(plan.cells()).extracting(Cell::name).containsExactly("baseline", "async c=100 seed");
        assertThat(plan.cells()).extracting(Cell::group).containsExactly("g", "g");
    }

    @Test
    void excludeThatMatchesNothingAndPlansWithoutCellsAreErrors() {
        assertError(
                "name: t\nmatrix: {model: [sync, async]}\nexclude:\n  - {model: threads}\n",
                "sweeps/t.yaml:4: field 'exclude': {model: threads} matches no matrix cell; check it against the "
                        + "matrix");
        assertError(
                "name: t\nmatrix: {model: [async]}\nexclude:\n  - {model: async}\n",
                "sweeps/t.yaml:3: plan: has no cells; give a matrix, include entries, or at least defaults, and "
                        + "do not exclude every matrix cell");
        assertError(
                "name: t\n",
                "sweeps/t.yaml:1: plan: has no cells; give a matrix, include entries, or at least defaults,"
                        + " and do not exclude every matrix cell");
        assertError("description: x\n", "sweeps/t.yaml:1: plan: has no name; add e.g. name: quick");
        assertError("", "sweeps/t.yaml:1: plan: is empty; see sweeps/README.md for the format");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> PlanParser.parse(Path.of("sweeps/nope.yaml")))
                .isInstanceOf(PlanError.class)
                .hasMessage("sweeps/nope.yaml: no such plan file; give a path or one of sweeps/*.yaml");
    }

    @Test
    void cellOptionsAreWhatTheRunCommandGets() {
        // a cell with no settings is exactly a run with no options, defaults and all
        assertThat(CellOptions.of(Map.of())).isEqualTo(RunCli.parse());
        assertThat(RunRequest.of(CellOptions.of(Map.of()))).isEqualTo(RunRequest.of(RunCli.parse()));
        RunValues o = CellOptions.of(Map.of(
                "model",
                "threads",
                "items",
                500,
                "pool",
                "recreate",
                "target_latency_ms",
                2,
                "accept_http_errors",
                true,
                "name",
                "ignored"));
        assertThat(o)
                .isEqualTo(RunCli.parse(
                        "--model",
                        "threads",
                        "--urls",
                        "500",
                        "--pool",
                        "recreate",
                        "--target-latency",
                        "2",
                        "--accept-http-errors"));
        RunRequest r = RunRequest.of(o);
        assertThat(r.spec().model()).isEqualTo(new ModelConfig.Threads(ModelConfig.Threads.Pool.RECREATE));
        assertThat(r.spec().items()).isEqualTo(500L);
        assertThat(r.spec().batch())
                .as("recreate without a batch: one pool's worth")
                .isEqualTo(100);
        assertThat(r.targetLatencyMs()).isEqualTo(2.0);
        assertThat(((Workload.Http) r.spec().workload()).statusFails()).isFalse();
        assertThat(r.json()).isNull();
    }

    @Test
    void everyPlanInSweepsParses() throws IOException {
        Path start = Path.of("").toAbsolutePath();
        Path root = start;
        while (root != null && !(Files.isDirectory(root.resolve("sweeps")) && isParentPom(root.resolve("pom.xml")))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("the project's folder, with sweeps/ and the parent pom, above " + start)
                .isNotNull();
        List<Path> plans;
        try (Stream<Path> files = Files.list(root.resolve("sweeps"))) {
            plans = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        // the shipped plans: default, quick and the seeds' at least
        assertThat(plans).hasSizeGreaterThanOrEqualTo(3);
        for (Path p : plans) {
            assertThat(PlanParser.parse(p).cells()).as(p.toString()).isNotEmpty();
        }
    }

    private static boolean isParentPom(Path pom) throws IOException {
        return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
    }
}
