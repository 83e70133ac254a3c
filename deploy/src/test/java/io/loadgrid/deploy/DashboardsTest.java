package io.loadgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadgrid.deploy.Dashboards.Query;
import io.loadgrid.deploy.PromqlNames.Matcher;
import io.loadgrid.deploy.PromqlNames.Selector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboards in deploy/grafana: structure, datasource, and that every query names exported metrics. */
public class DashboardsTest {

    /** Every sample name the coordinator exports; PrometheusExportTest checks it equals a real scrape of a live run. */
    public static final Set<String> CONTRACT_NAMES = Set.of(
            "loadgrid_requests_total",
            "loadgrid_upload_bytes_total",
            "loadgrid_download_bytes_total",
            "loadgrid_written_bytes_total",
            "loadgrid_latency_seconds_bucket",
            "loadgrid_latency_seconds_count",
            "loadgrid_latency_seconds_sum",
            "loadgrid_schedule_lag_seconds_bucket",
            "loadgrid_schedule_lag_seconds_count",
            "loadgrid_schedule_lag_seconds_sum",
            "loadgrid_in_flight",
            "loadgrid_agent_cpu_process_percent",
            "loadgrid_agent_cpu_system_percent",
            "loadgrid_agent_rss_bytes",
            "loadgrid_agent_threads",
            "loadgrid_agents_up",
            "loadgrid_cell_runs_planned",
            "loadgrid_cell_runs_done",
            "loadgrid_cell_items_planned",
            "loadgrid_cell_wall_seconds_total",
            "loadgrid_sweep_cells_planned",
            "loadgrid_sweep_cells_done");

    /** The target server's own /metrics (target/.../PrometheusExposition), a different scrape job. */
    public static final Set<String> TARGET_NAMES = Set.of(
            "loadgrid_target_requests_total",
            "loadgrid_target_bytes_in_total",
            "loadgrid_target_bytes_out_total",
            "loadgrid_target_responses_total");

    /** Dashboard variables, in the order they chain (each one's query filters by the ones before). */
    static final List<String> VARIABLES = List.of("sweep", "cell", "model", "node");

    static final Map<String, List<String>> REQUIRED_PANELS = Map.of(
            "overview.json",
                    List.of(
                            "Throughput",
                            "Latency percentiles",
                            "Failures by outcome",
                            "In flight",
                            "Bytes up / down",
                            "Agents up",
                            "Cell progress",
                            "Runs done / planned",
                            "Sweep cells done / planned"),
            "agents.json", List.of("Process CPU", "System CPU", "RSS", "Threads"),
            "models.json",
                    List.of(
                            "Throughput",
                            "p99 latency",
                            "Failure rate",
                            "Process CPU per 1k req/s",
                            "RSS (largest agent)",
                            "Totals per model and concurrency"));

    /** Which of the variables' labels a contract metric carries (so its selectors must filter by them). */
    static List<String> variableLabels(String metric) {
        if (metric.startsWith("loadgrid_sweep_cells_")) {
            return List.of("sweep");
        }
        if (metric.startsWith("loadgrid_cell_")) {
            return List.of("sweep", "cell", "model");
        }
        if (metric.equals("loadgrid_agents_up") || TARGET_NAMES.contains(metric)) {
            return List.of();
        }
        return VARIABLES; // per-node series
    }

    /** "where: name" for every metric a query names that neither the contract nor the target exports. */
    static List<String> unknownNames(List<Query> queries) {
        List<String> bad = new ArrayList<>();
        for (Query q : queries) {
            for (String name : PromqlNames.names(q.expr())) {
                if (!CONTRACT_NAMES.contains(name) && !TARGET_NAMES.contains(name)) {
                    bad.add(q + " -> " + name);
                }
            }
        }
        return bad;
    }

    @Test
    void dashboardsParseWithStableIdentity() {
        assertThat(Dashboards.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("agents.json", "models.json", "overview.json");
        for (Path f : Dashboards.files()) {
            JsonNode d = Dashboards.load(f);
            String base = f.getFileName().toString().replace(".json", "");
            assertThat(d.get("id").isNull())
                    .as(f + " id must be null (Grafana assigns it)")
                    .isTrue();
            assertThat(d.path("uid").asText()).as(f + " uid").isEqualTo("loadgrid-" + base);
            assertThat(d.path("schemaVersion").asInt()).as(f + " schemaVersion").isBetween(36, 41);
            assertThat(d.path("refresh").asText()).as(f + " refresh").isEqualTo("5s");
            assertThat(d.path("time").path("from").asText()).as(f + " time").isEqualTo("now-15m");
            assertThat(d.path("time").path("to").asText()).as(f + " time").isEqualTo("now");
            List<String> vars = new ArrayList<>();
            for (JsonNode v : d.path("templating").path("list")) {
                vars.add(v.path("name").asText());
                assertThat(v.path("datasource").path("uid").asText())
                        .as(f + " variable datasource")
                        .isEqualTo("prometheus");
                // "All" must be a regex matching everything, since queries use label=~"$var"
                assertThat(v.path("allValue").asText()).as(f + " allValue").isEqualTo(".*");
            }
            assertThat(vars).as(f + " variables").containsExactlyElementsOf(VARIABLES);
        }
    }

    @Test
    void requiredPanelsArePresent() {
        for (Path f : Dashboards.files()) {
            List<String> titles = Dashboards.panels(Dashboards.load(f)).stream()
                    .map(p -> p.path("title").asText())
                    .toList();
            assertThat(titles)
                    .as(f.toString())
                    .containsAll(REQUIRED_PANELS.getOrDefault(f.getFileName().toString(), List.of()));
        }
    }

    @Test
    void everyPanelAndTargetUsesThePrometheusUid() {
        for (Path f : Dashboards.files()) {
            for (JsonNode p : Dashboards.panels(Dashboards.load(f))) {
                if (p.path("type").asText().equals("row")) {
                    continue; // rows only group panels
                }
                String where = f.getFileName() + " / " + p.path("title").asText();
                assertThat(p.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
                assertThat(p.path("targets").size()).as(where + " has queries").isPositive();
                for (JsonNode t : p.path("targets")) {
                    assertThat(t.path("datasource").path("uid").asText())
                            .as(where + " target")
                            .isEqualTo("prometheus");
                }
            }
        }
    }

    @Test
    void panelIdsAreUniquePerDashboard() {
        for (Path f : Dashboards.files()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : Dashboards.panels(Dashboards.load(f))) {
                assertThat(p.path("id").isInt())
                        .as(f + " / " + p.path("title").asText() + " id")
                        .isTrue();
                assertThat(ids.add(p.get("id").asInt()))
                        .as(f + " duplicate panel id " + p.get("id"))
                        .isTrue();
            }
        }
    }

    @Test
    void queriesNameOnlyExportedMetrics() {
        List<Query> queries = Dashboards.allQueries();
        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(unknownNames(queries)).isEmpty();
        for (Query q : queries) {
            assertThat(PromqlNames.names(q.expr())).as(q.toString()).isNotEmpty();
        }
    }

    @Test
    void aWrongMetricNameIsCaught() {
        Query wrong = new Query(
                "x.json",
                "Throughput",
                "A",
                "sum(rate(loadgrid_request_total{sweep=~\"$sweep\"}[$__rate_interval])) / loadgrid_agents_up",
                false);
        assertThat(unknownNames(List.of(wrong))).singleElement().asString().endsWith("-> loadgrid_request_total");
    }

    @Test
    void targetMetricsAreMarkedWithTheirJob() {
        for (Query q : Dashboards.allQueries()) {
            if (PromqlNames.names(q.expr()).stream().anyMatch(TARGET_NAMES::contains)) {
                assertThat(q.panel())
                        .as(q + ": target-side panels say where the data comes from")
                        .contains("(job: target)");
                assertThat(PromqlNames.names(q.expr()))
                        .as(q + ": one job per query")
                        .allMatch(TARGET_NAMES::contains);
            }
        }
    }

    @Test
    void selectorsFilterByTheTemplateVariables() {
        for (Query q : Dashboards.allQueries()) {
            // a variable's query filters by the variables before it (sweep -> cell -> model -> node)
            List<String> applicable = q.variable()
                    ? VARIABLES.subList(0, VARIABLES.indexOf(q.panel().substring("variable ".length())))
                    : VARIABLES;
            for (Selector s : PromqlNames.selectors(q.expr())) {
                for (String label : variableLabels(s.metric())) {
                    if (applicable.contains(label)) {
                        assertThat(s.matchers())
                                .as(q + ": selector of " + s.metric())
                                .contains(new Matcher(label, "=~", "$" + label));
                    }
                }
            }
        }
    }

    @Test
    void variableQueriesAndGrafanaVariablesBecomePromql() {
        assertThat(Dashboards.promql("label_values(m{a=~\"$a\"}, b)")).isEqualTo("m{a=~\"$a\"}");
        assertThat(Dashboards.promql("label_values(b)")).isNull();
        assertThat(Dashboards.promql(" sum(m) ")).isEqualTo("sum(m)");
        String e = "rate(m{a=~\"$a\", b=~\"${b:regex}\", c=~\"[[c]]\"}[$__rate_interval]) * $__range_s";
        assertThat(grafanaToPromql(e)).isEqualTo("rate(m{a=~\".*\", b=~\".*\", c=~\".*\"}[1m]) * 900");
    }

    @Test
    void promtoolAcceptsEveryQuery(@TempDir Path tmp) throws Exception {
        Path promtool = ExternalTool.require("promtool", "apt-get install prometheus");
        List<String> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Query q : Dashboards.allQueries()) {
            String promql = Dashboards.promql(q.expr());
            if (promql != null) {
                exprs.add(grafanaToPromql(promql));
                names.add(q.toString());
            }
        }
        assertThat(promtool(promtool, tmp.resolve("dashboards.rules.yml"), exprs, names))
                .isEmpty();
        // guards against a promtool run that checks nothing
        assertThat(promtool(promtool, tmp.resolve("broken.rules.yml"), List.of("sum(rate(x[1m])"), List.of("broken")))
                .contains("broken");
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Map<String, String> BUILTIN = Map.of(
            "__rate_interval",
            "1m",
            "__interval",
            "15s",
            "__interval_ms",
            "15000",
            "__range",
            "15m",
            "__range_s",
            "900",
            "__range_ms",
            "900000");

    /**
     * Grafana's built-in interval variables become durations; dashboard variables become ".*", which is valid
     * only inside a regex matcher's string, so a variable used anywhere else makes promtool fail, as it should.
     */
    public static String grafanaToPromql(String expr) {
        return VARIABLE.matcher(expr).replaceAll(m -> {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return java.util.regex.Matcher.quoteReplacement(BUILTIN.getOrDefault(name, ".*"));
        });
    }

    /** Runs "promtool check rules" on one recording rule per expression; returns its output if it fails, else "". */
    private static String promtool(Path promtool, Path file, List<String> exprs, List<String> names)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        for (int i = 0; i < exprs.size(); i++) {
            // one group per query, named after its source, so promtool's error says which panel is wrong
            ObjectNode g = groups.addObject().put("name", i + " " + names.get(i));
            g.putArray("rules")
                    .addObject()
                    .put("record", "dashboard:query:" + i)
                    .put("expr", exprs.get(i));
        }
        json.writeValue(file.toFile(), root); // JSON is YAML, and avoids quoting PromQL by hand
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        if (p.exitValue() == 0) {
            assertThat(out).as("promtool checked every rule").contains("SUCCESS: " + exprs.size() + " rules found");
            return "";
        }
        return out;
    }
}
