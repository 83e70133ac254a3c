package io.loadgrid.report.sweep;

import io.loadgrid.report.results.Environment;
import io.loadgrid.report.results.SweepResults;
import io.loadgrid.report.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/** summary.md: the environment, the comparisons, an overview of every cell, then each cell in the seeds' rows. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {}

    public static String render(
            SweepResults r, List<TableModel> tables, List<Comparisons.Group> groups, Collection<String> plots) {
        var buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        SweepResults.PlanInfo p = r.plan();
        out.println("# Sweep " + r.sweepId());
        out.println();
        out.println("Plan **" + p.name() + "** (`" + p.file() + "`)"
                + (p.description() == null ? "" : ": " + p.description())
                + ". " + p.measured());
        out.println();
        out.println(environment(r.environment()));
        out.println();
        out.println("## Comparisons");
        out.println();
        if (groups.isEmpty()) {
            out.println("No two completed cells share a workload yet.");
        }
        for (Comparisons.Group g : groups) {
            out.println("By " + g.basis() + ", cells with " + g.key() + ":");
            out.println();
            out.println("```");
            g.lines().forEach(out::println);
            out.println("```");
            out.println();
        }
        for (TableModel t : tables) {
            out.println("## " + t.title());
            out.println();
            Table.render(
                    t.header().toArray(String[]::new),
                    t.rows().stream().map(SummaryMarkdown::cells).toList(),
                    out);
            out.println();
            t.notes().forEach(n -> out.println("- " + n));
            if (!t.notes().isEmpty()) {
                out.println();
            }
        }
        if (!plots.isEmpty()) {
            out.println("## Plots");
            out.println();
            for (String file : plots) {
                out.println("![" + Plot.titleOf(file) + "](plots/" + file + ")");
                out.println();
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** A cell may hold a user's name or an error: a | or line break in it would break the table. */
    private static String[] cells(List<String> row) {
        return row.stream()
                .map(c -> c.replace("|", "\\|").replace('\n', ' ').replace('\r', ' '))
                .toArray(String[]::new);
    }

    static String environment(Environment e) {
        String agents = e.agents().stream()
                .map(a -> a.node() + " " + a.address() + " (" + a.cores() + " cores, " + Fmt.f("%,d", a.memoryMb())
                        + " MB)")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
        return Fmt.f(
                "Environment: %s mode on %s (%s), %d cores, %,d MB, JDK %s, loadgrid %s; agents: %s; started %s.",
                e.mode(), e.host(), e.os(), e.cores(), e.memoryMb(), e.jdk(), e.loadgridVersion(), agents, e.started());
    }
}
