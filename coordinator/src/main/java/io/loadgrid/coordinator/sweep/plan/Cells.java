package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.coordinator.request.RunRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Gives drafts their ids, checks each as {@code ./loadgrid run} would, then names and groups them. */
final class Cells {
    private Cells() {}

    static List<Cell> of(String file, List<Expansion.Draft> drafts) {
        List<String> ids = new ArrayList<>();
        List<Effective> effective = new ArrayList<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (Expansion.Draft d : drafts) {
            String id = "c%02d".formatted(ids.size() + 1);
            ids.add(id);
            effective.add(new Effective(d.params(), check(file, id, d)));
            mentioned.addAll(d.params().keySet());
        }
        List<String> names = CellNames.of(effective, ids);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Expansion.Draft d = drafts.get(i);
            cells.add(new Cell(
                    ids.get(i),
                    names.get(i),
                    d.line(),
                    d.params(),
                    CellGroups.of(effective.get(i), mentioned),
                    d.slo()));
        }
        return cells;
    }

    /**
     * The cell is shown as its parameters: product cells share the matrix's line, so the line alone cannot say which.
     */
    private static RunSpec check(String file, String id, Expansion.Draft d) {
        try {
            return RunRequest.of(CellOptions.of(d.params())).spec();
        } catch (IllegalArgumentException e) {
            throw new PlanError(
                    file, d.line(), "cell " + id + " {" + d.describe() + "}", CellOptions.inPlanTerms(e.getMessage()));
        }
    }
}
