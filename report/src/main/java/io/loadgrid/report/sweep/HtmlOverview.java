package io.loadgrid.report.sweep;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Environment;
import io.loadgrid.report.results.SweepResults;
import java.util.List;
import java.util.Locale;

/** Where the sweep ran, and which cells the numbers below leave out or qualify. */
final class HtmlOverview {
    private HtmlOverview() {}

    static void appendEnvironment(StringBuilder b, SweepResults r) {
        Environment e = r.environment();
        b.append("<section id=\"environment\">\n<h2>Environment</h2>\n<dl class=\"env\">\n");
        if (e != null) {
            item(b, "Host", e.host());
            item(b, "OS", e.os());
            item(b, "Cores", Integer.toString(e.cores()));
            item(b, "Memory", mb(e.memoryMb()));
            item(b, "JDK", e.jdk());
            item(b, "loadgrid", e.loadgridVersion());
            item(b, "Mode", e.mode());
            item(b, "Started", e.started());
        }
        if (r.plan() != null) {
            item(b, "Plan file", r.plan().file());
            item(b, "Runs", r.plan().measured());
        }
        item(b, "Cells", r.cells().size() + " (" + PlottedCell.of(r).size() + " with measured runs)");
        b.append("</dl>\n");
        List<Environment.Agent> agents = e == null || e.agents() == null ? List.of() : e.agents();
        b.append("<h3>Agents (").append(agents.size()).append(")</h3>\n<ul class=\"agents\">\n");
        for (Environment.Agent a : agents) {
            b.append("<li><code>")
                    .append(HtmlText.escape(a.node()))
                    .append("</code> ")
                    .append(HtmlText.escape(a.host()))
                    .append(" (")
                    .append(HtmlText.escape(a.address()))
                    .append("), ")
                    .append(a.cores())
                    .append(" cores, ")
                    .append(mb(a.memoryMb()))
                    .append(", loadgrid ")
                    .append(HtmlText.escape(a.version()))
                    .append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    /** Saturated, interrupted and failed cells, each with its reason: empty when every cell ran cleanly. */
    static void appendCaveats(StringBuilder b, SweepResults r) {
        List<CellResult> odd = r.cells().stream()
                .filter(c -> !c.done() || PlottedCell.saturated(c))
                .toList();
        if (odd.isEmpty()) {
            return;
        }
        b.append("<section id=\"caveats\">\n<h2>Cells to read with care</h2>\n<ul class=\"caveats\">\n");
        for (CellResult c : odd) {
            b.append("<li><strong>")
                    .append(HtmlText.escape(c.name()))
                    .append("</strong> <code>")
                    .append(HtmlText.escape(c.id()))
                    .append("</code>: ")
                    .append(HtmlText.flagged(caveat(c)))
                    .append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static String caveat(CellResult c) {
        if ("failed".equals(c.status())) {
            return "failed" + (c.error() == null ? "" : ": " + c.error()) + "; not plotted";
        }
        String s = c.done() ? "" : c.status() + " (figures cover the runs that finished)";
        if (PlottedCell.saturated(c)) {
            s += (s.isEmpty() ? "" : "; ") + HtmlText.SATURATED_SIGN + " generator saturated: "
                    + String.join(
                            ", ",
                            c.saturation().reasons() == null
                                    ? List.of()
                                    : c.saturation().reasons());
        }
        return s;
    }

    private static void item(StringBuilder b, String key, String value) {
        b.append("<dt>")
                .append(key)
                .append("</dt><dd>")
                .append(HtmlText.escape(value))
                .append("</dd>\n");
    }

    private static String mb(long mb) {
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024.0) : mb + " MB";
    }
}
