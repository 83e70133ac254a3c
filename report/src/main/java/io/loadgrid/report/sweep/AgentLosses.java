package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.report.results.CellResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per agent a cell's runs lost: which node, in which run, and what became of its work. A sweep that lost
 * agents and still finished must say so where its numbers are read, not only in the terminal it ran in.
 */
final class AgentLosses {
    private AgentLosses() {}

    static List<String> of(CellResult c) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.runs().size(); i++) {
            RunResult r = c.runs().get(i);
            Spread.ClusterSummary s = r.spread().cluster();
            if (s == null || s.lostNodes() == null || s.lostNodes().isEmpty()) {
                continue;
            }
            for (Spread.NodeResult n : r.spread().nodes()) {
                if (n.lost()) {
                    lines.add(Fmt.f(
                            "run %d: agent %s (%s) lost; %d chunk(s) released, %d re-run by the others, %,d items "
                                    + "missing",
                            i + 1, n.address(), n.node(), s.chunksReleased(), s.chunksRerun(), s.missingItems()));
                }
            }
        }
        return lines;
    }
}
