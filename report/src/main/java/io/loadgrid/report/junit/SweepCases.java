package io.loadgrid.report.junit;

import io.loadgrid.common.metrics.SloVerdict;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;

/** A sweep's JUnit test cases: one per objective and cell, named by the plan, the cell's id and its name. */
public final class SweepCases {
    private SweepCases() {}

    public static List<JUnitFile.Case> of(SweepResults r) {
        List<JUnitFile.Case> cases = new ArrayList<>();
        for (CellResult c : r.cells()) {
            if (c.slo() == null) {
                continue;
            }
            // the cell's measured time shared among its objectives, so that CI's total is the sweep's
            double wall =
                    c.runs().stream().mapToDouble(run -> run.rates().wallS()).sum()
                            / c.slo().size();
            for (SloVerdict v : c.slo()) {
                cases.add(new JUnitFile.Case(
                        r.plan().name() + "." + c.id(),
                        c.name() + ": " + v.slo(),
                        wall,
                        v.judged() ? v : null,
                        v.judged() ? null : v.says()));
            }
        }
        return cases;
    }
}
