package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.report.results.CellResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per run of a cell that lost agents: which nodes, and what became of their work (the run's totals). A sweep
 * that lost agents and still finished must say so where its numbers are read, not only in the terminal it ran in.
 */
final class LostAgentLines {
    private LostAgentLines() {}

    static List<String> of(CellResult c) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.runs().size(); i++) {
            RunResult r = c.runs().get(i);
            Spread.ClusterSummary s = r.spread().cluster();
            if (s == null || r.spread().nodes() == null) {
                continue;
            }
            List<String> lost = r.spread().nodes().stream()
                    .filter(Spread.NodeResult::lost)
                    .map(n -> n.address() + " (" + n.node() + ")")
                    .toList();
            if (!lost.isEmpty()) {
                lines.add(Fmt.f(
                        "run %d: %s %s lost; %d chunk(s) released, %d re-run by the others, %,d items missing",
                        i + 1,
                        lost.size() == 1 ? "agent" : "agents",
                        String.join(", ", lost),
                        s.chunksReleased(),
                        s.chunksRerun(),
                        s.missingItems()));
            }
        }
        return lines;
    }
}
