package io.loadgrid.report.results;

import io.loadgrid.common.slo.Objectives;
import java.util.Map;

/** What a result knows of the plan cell it measured: the plan itself stays with the coordinator that runs it. */
public interface CellIdentity {
    /** Stable within the plan ("c01", "c02", ...), the key for resuming and comparing. */
    String id();

    /** What people read ("threads c=100"). */
    String name();

    /** Cells of one group are compared with each other. */
    String group();

    /** Every parameter of the cell, plan keys in plan order. */
    Map<String, Object> params();

    /** The objectives it is held to. */
    default Objectives slo() {
        return Objectives.NONE;
    }
}
