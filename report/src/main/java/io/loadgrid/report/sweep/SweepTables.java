package io.loadgrid.report.sweep;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a sweep report, in reading order: a search plan's answer (each cell's best rate) first, the overview,
 * the objectives' verdicts (when the plan has any), then one per cell that has runs.
 */
public final class SweepTables {
    private SweepTables() {}

    public static List<TableModel> of(SweepResults r) {
        List<TableModel> tables = new ArrayList<>();
        MaxRateTable.of(r).ifPresent(tables::add);
        tables.add(OverviewTable.of(r));
        ObjectivesTable.of(r).ifPresent(tables::add);
        for (CellResult c : r.cells()) {
            if (!c.runs().isEmpty()) {
                tables.add(CellTable.of(c));
            }
        }
        return tables;
    }
}
