package io.loadgrid.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadgrid.deploy.PromqlNames.Matcher;
import org.junit.jupiter.api.Test;

class PromqlNamesTest {

    @Test
    void plainSelectorAndLabelNamesInBraces() {
        assertThat(PromqlNames.names("up")).containsExactly("up");
        assertThat(PromqlNames.names("loadgrid_in_flight{node=~\"$node\", cell!=\"warm\"}"))
                .containsExactly("loadgrid_in_flight");
    }

    @Test
    void histogramQuantileWithByLe() {
        String e = "histogram_quantile(0.99, sum by (le) (rate(loadgrid_latency_seconds_bucket"
                + "{sweep=~\"$sweep\"}[$__rate_interval])))";
        assertThat(PromqlNames.names(e)).containsExactly("loadgrid_latency_seconds_bucket");
    }

    @Test
    void nestedAggregationsWithClausesBeforeAndAfter() {
        String e = "topk(3, max without (instance) (sum(rate(a_total[5m])) by (job, le)))"
                + " / ignoring(le) count_values(\"v\", b) + quantile(0.9, c)";
        assertThat(PromqlNames.names(e)).containsExactly("a_total", "b", "c");
    }

    @Test
    void regexMatchersAndVariablesAreNotNames() {
        String e = "sum(rate(loadgrid_requests_total{outcome=~\"connect|timeout\", model=~\"${model:regex}\","
                + " node=~'$node', sweep=~`x{1,2}`}[${__rate_interval}]))";
        assertThat(PromqlNames.names(e)).containsExactly("loadgrid_requests_total");
        assertThat(PromqlNames.selectors(e).get(0).matchers())
                .contains(
                        new Matcher("outcome", "=~", "connect|timeout"),
                        new Matcher("node", "=~", "$node"),
                        new Matcher("sweep", "=~", "x{1,2}"));
    }

    @Test
    void escapedQuotesInsideStrings() {
        assertThat(PromqlNames.names("a{l=\"x\\\"} fake_name {\"} + b")).containsExactly("a", "b");
    }

    @Test
    void offsetAtDurationsAndNumbers() {
        String e = "rate(a[5m] offset 1h30m) - rate(b[1m:15s] @ start()) * 1e-3 + 0x1F - .5 * Inf + NaN";
        assertThat(PromqlNames.names(e)).containsExactly("a", "b");
    }

    @Test
    void binaryOpsWithOnAndGroupLeft() {
        String e = "sum by (node) (x) / on (node) group_left (model, concurrency) y"
                + " and z unless on() w or bool_metric > bool 3 and atan2 v";
        assertThat(PromqlNames.names(e)).containsExactly("x", "y", "z", "w", "bool_metric", "v");
        assertThat(PromqlNames.names("a * on(node) group_right b")).containsExactly("a", "b");
    }

    @Test
    void functionsAndVectorLiterals() {
        assertThat(PromqlNames.names("sum(rate(f_total[1m])) or vector(0)")).containsExactly("f_total");
        assertThat(PromqlNames.names("label_replace(m, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("m");
        assertThat(PromqlNames.names("absent_over_time(m2[$__range]) + time()")).containsExactly("m2");
    }

    @Test
    void nameMatcher() {
        assertThat(PromqlNames.names("{__name__=\"loadgrid_agents_up\"}")).containsExactly("loadgrid_agents_up");
        assertThat(PromqlNames.names("count({__name__=~\"a_total|b_total\", job=\"x\"})"))
                .containsExactly("a_total", "b_total");
        // not a plain list of names: kept whole so a contract check rejects it instead of passing it silently
        assertThat(PromqlNames.names("{__name__=~\"loadgrid_.*\"}")).containsExactly("loadgrid_.*");
        assertThatThrownBy(() -> PromqlNames.names("{job=\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grafanaLabelValues() {
        assertThat(PromqlNames.names("label_values(loadgrid_sweep_cells_planned, sweep)"))
                .containsExactly("loadgrid_sweep_cells_planned");
        assertThat(PromqlNames.names("label_values(m{sweep=~\"$sweep\", cell=~\"a,b\"}, cell)"))
                .containsExactly("m");
        assertThat(PromqlNames.names("label_values(node)")).isEmpty();
    }

    @Test
    void commentsAreSkipped() {
        assertThat(PromqlNames.names("a # b is not here\n + c")).containsExactly("a", "c");
    }

    @Test
    void unbalancedInputFails() {
        assertThatThrownBy(() -> PromqlNames.names("sum(rate(a{x=\"1\"[5m]))"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromqlNames.names("a{x=\"1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
