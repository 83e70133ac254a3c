package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.report.results.SweepResults;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's text, without a browser: escaping, alignment, flags, and no reference to anything outside the file. */
class HtmlReportTest {
    /** An attribute or stylesheet that would make a browser fetch something. */
    static final Pattern NETWORK =
            Pattern.compile("(?i)(?:\\b(?:src|href|action|poster|srcset)\\s*=\\s*[\"']?\\s*(?:https?:)?//"
                    + "|url\\(\\s*[\"']?\\s*(?:https?:)?//|@import)");

    static String page(SweepResults r, Map<String, byte[]> plots) {
        return HtmlReport.render(r, SampleTables.of(r), SampleTables.COMPARISONS, plots);
    }

    @Test
    void textFromTheSweepIsEscapedAndThePageHasItsOwnScriptOnly() {
        String html = page(SampleSweep.results(), Map.of());
        assertThat(html)
                .doesNotContain(SampleTables.INJECTED)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
        assertThat(html.split("<script", -1)).hasSize(2);
    }

    @Test
    void numbersAreRightAlignedAndSaturatedRowsFlagged() {
        String html = page(SampleSweep.results(), Map.of());
        assertThat(html).contains("<th class=\"num\">Mean ± σ</th>", "<th>Model</th>", "<th>Target</th>");
        assertThat(html)
                .containsPattern("<tr class=\"saturated\"><td>async c=100 <span class=\"sat\" title=\"generator "
                        + "saturated\">⚠</span></td>");
        for (String n : List.of(
                "12,345", "3.52 ± 0.10", "98.5%", "1.2k", "0.95 s", "-4.1 ms", "×3.5", "2.1 ⚠", "-", "n/a", "1e-3")) {
            assertThat(HtmlTables.numeric(n)).as(n).isTrue();
        }
        for (String t : List.of("threads c=100", "c01", "10.0.0.1:5701", "http://127.0.0.1:8080", "", "done")) {
            assertThat(HtmlTables.numeric(t)).as(t).isFalse();
        }
    }

    @Test
    void environmentCaveatsComparisonsAndPlotTitlesAreAllThere() {
        SweepResults r = SampleSweep.results();
        String html = page(r, SweepPlots.render(r));
        assertThat(html)
                .contains(
                        "<h1>models-at-scale</h1>",
                        "20261124-101500-models",
                        "bench-1",
                        "25.0.1+8-LTS",
                        "<dt>Cores</dt><dd>2</dd>",
                        "Agents (2)",
                        "9f8e7d6c",
                        "<dt>Mode</dt><dd>local</dd>");
        assertThat(html).contains("<li>async c=100 ran 3.52 ± 0.10 times faster than threads c=100</li>");
        assertThat(html)
                .contains(
                        "multiprocess c=4</strong> <code>c05</code>: failed: agent 9f8e7d6c lost",
                        "agent 1a2b3c4d CPU 187% of 2 cores");
        for (String title : List.of(
                "Execution time",
                "Throughput",
                "Latency percentiles",
                "CPU usage",
                "Memory usage (RSS)",
                "Failed requests",
                "Latency by percentile")) {
            assertThat(html).contains("<figcaption>" + title + "</figcaption>");
        }
        assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(SweepPlotsTest.ALL.size() + 1);
        assertThat(NETWORK.matcher(html).find()).as("a network reference").isFalse();
        assertThat(NETWORK.matcher("<img src=\"https://example.org/x.png\">").find())
                .isTrue();
        assertThat(NETWORK.matcher("<link href=//cdn.example.org/a.css>").find())
                .isTrue();
    }
}
