package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.SloVerdict;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every cell's objectives and their verdicts, on the cell's repetitions together: the sweep's pass or fail. */
final class ObjectivesTable {
    /** How an unmet objective reads in every table, and what the HTML report marks. */
    static final String UNMET = SloVerdict.UNMET;

    private ObjectivesTable() {}

    static Optional<TableModel> of(SweepResults r) {
        List<List<String>> rows = new ArrayList<>();
        int met = 0;
        for (CellResult c : r.cells()) {
            if (c.slo() == null) {
                continue;
            }
            for (SloVerdict v : c.slo()) {
                met += v.met() ? 1 : 0;
                rows.add(List.of(c.id(), c.name(), v.slo(), v.met() ? "met" : UNMET, v.says()));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableModel(
                Fmt.f("Objectives: %d of %d met", met, rows.size()),
                List.of("Cell", "Name", "Objective", "Verdict", "Measured"),
                rows,
                List.of("judged on each cell's repetitions together: their latency histograms merged, their counts "
                        + "and wall times summed")));
    }
}
