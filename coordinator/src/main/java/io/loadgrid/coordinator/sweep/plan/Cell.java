package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.slo.Objectives;
import io.loadgrid.report.results.CellIdentity;
import java.util.Map;

/**
 * One point of a sweep: a workload, a model and its parameters.
 *
 * @param id     stable within the plan ("c01", "c02", ...), the key for resuming and comparing
 * @param name   what people read: the plan's {@code name:} for the cell, or one made from its axes ("threads c=100")
 * @param line   the plan line the cell comes from (its include entry, or the matrix), for error messages
 * @param params every parameter of the cell, plan keys in plan order (defaults, then axes, then include keys)
 * @param group  cells with the same group are compared with each other: everything but the model's own knobs is equal
 * @param slo    the objectives it is held to: the plan's, with its include entry's own over them
 */
public record Cell(String id, String name, int line, Map<String, Object> params, String group, Objectives slo)
        implements CellIdentity {

    /** The same cell held to {@code objectives} instead. */
    public Cell withSlo(Objectives objectives) {
        return new Cell(id, name, line, params, group, objectives);
    }
}
