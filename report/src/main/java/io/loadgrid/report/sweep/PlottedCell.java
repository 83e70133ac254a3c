package io.loadgrid.report.sweep;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cell that has something to plot, and the category label it is plotted under. */
record PlottedCell(CellResult cell, String label) {

    /** Shown after a saturated cell's name; the warning sign only where the chart font can draw it. */
    static final String SATURATED_MARK = ChartFrame.canDraw('⚠') ? " ⚠" : " (sat.)";

    static final String SATURATED_NOTE = SATURATED_MARK.strip() + " generator saturated";

    /** Done and interrupted cells with at least one measured run: a failed cell has no figures to draw. */
    static List<PlottedCell> of(SweepResults r) {
        List<CellResult> cells = r.cells().stream()
                .filter(c -> ("done".equals(c.status()) || "interrupted".equals(c.status()))
                        && c.runs() != null
                        && !c.runs().isEmpty())
                .toList();
        Map<String, Integer> names = new HashMap<>();
        cells.forEach(c -> names.merge(c.name(), 1, Integer::sum));
        // two cells named alike would be told apart by nothing but their position
        return cells.stream()
                .map(c -> new PlottedCell(c, label(c, names.get(c.name()) > 1)))
                .toList();
    }

    static String label(CellResult c, boolean ambiguous) {
        String name = ambiguous ? c.name() + " (" + c.id() + ")" : c.name();
        return saturated(c) ? name + SATURATED_MARK : name;
    }

    static boolean saturated(CellResult c) {
        return c.saturation() != null && c.saturation().saturated();
    }

    static boolean anySaturated(List<PlottedCell> cells) {
        return cells.stream().anyMatch(p -> saturated(p.cell()));
    }

    /** A figure over the cell's repetitions; zero when the cell did not record it. */
    Stat total(String key) {
        Stat s = cell.totals() == null ? null : cell.totals().get(key);
        return s == null ? new Stat(0, 0, 0, 0, 0) : s;
    }
}
