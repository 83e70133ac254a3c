package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Second;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** A cell second by second: its repetitions' timelines end to end, two panels in one PNG. */
class TimelineChartTest {
    @Test
    void aCellsRunsAreLaidEndToEndInBothPanels() throws IOException {
        SweepResults r = SampleSweep.results();
        PlottedCell threads = PlottedCell.of(r).get(1);
        List<RunResult> runs = threads.cell().runs();
        List<XYChart> panels = TimelineChart.panels(threads);
        assertThat(panels).hasSize(2);
        XYSeries items = panels.get(0).getSeriesMap().get("items/s");
        int seconds = runs.stream().mapToInt(run -> run.timeline().size()).sum();
        assertThat(items.getXData()).hasSize(seconds).isSorted();
        // the second run's first second comes right after the first run's last
        int first = runs.getFirst().timeline().size();
        assertThat(items.getXData()[first])
                .isEqualTo(runs.getFirst().timeline().getLast().t() + 1.0);
        assertThat(items.getYData()[first])
                .isEqualTo((double) runs.get(1).timeline().getFirst().itemsPerS());
        XYSeries p99 = panels.get(0).getSeriesMap().get("p99 (ms)");
        assertThat(p99.getYAxisGroup()).isEqualTo(1);
        assertThat(p99.getYData()[0])
                .isEqualTo(runs.getFirst().timeline().getFirst().p99Us() / 1000.0);
        assertThat(panels.get(1).getSeriesMap()).containsKeys("in flight", "process CPU (% of one core)");

        Map<String, byte[]> pngs = TimelineChart.render(PlottedCell.of(r));
        assertThat(pngs.keySet()).containsExactlyElementsOf(SweepPlotsTest.TIMELINES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get("timeline_c02.png")));
        assertThat(img.getWidth()).isEqualTo(ChartFrame.WIDTH);
        assertThat(img.getHeight()).isEqualTo(2 * ChartFrame.HEIGHT);
        assertThat(SweepPlotsTest.colours(img)).isGreaterThan(50);
        assertThat(Plot.titleOf("timeline_c02.png")).isEqualTo("Second by second: cell c02");
    }

    @Test
    void inFlightUnknownAnywhereIsLeftOutAndACellWithoutTimelinesHasNone() {
        SweepResults r = SampleSweep.results();
        CellResult c = r.cells().get(1);
        List<RunResult> unknown = c.runs().stream()
                .map(run -> run.withTimeline(run.timeline().stream()
                        .map(s -> new Second(s.t(), s.itemsPerS(), s.failed(), s.p99Us(), -1, s.cpuProcessPct()))
                        .toList()))
                .toList();
        PlottedCell multiprocess = new PlottedCell(withRuns(c, unknown), "multiprocess");
        assertThat(TimelineChart.panels(multiprocess).get(1).getSeriesMap()).doesNotContainKey("in flight");
        List<RunResult> none =
                c.runs().stream().map(run -> run.withTimeline(null)).toList();
        assertThat(TimelineChart.panels(new PlottedCell(withRuns(c, none), "old")))
                .isEmpty();
    }

    private static CellResult withRuns(CellResult c, List<RunResult> runs) {
        return new CellResult(
                c.id(),
                c.name(),
                c.group(),
                c.parameters(),
                c.status(),
                c.error(),
                runs,
                c.totals(),
                c.latencyUs(),
                c.latencyUncorrectedUs(),
                c.scheduleLagUs(),
                c.saturation(),
                c.slo(),
                c.search());
    }
}
