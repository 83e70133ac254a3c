package io.loadgrid.coordinator.sweep.plan;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which cells the report compares: those that differ only in how the load is driven (the model and its own knobs),
 * not in what the load is. A model's winning against a cell with a different workload would mean nothing.
 */
final class CellGroups {
    /** The knobs that make one model different from another; everything else must be equal to compare. */
    private static final Set<String> MODEL_KNOBS = Stream.concat(
                    ModelConfig.KNOBS.stream().map(Param::key),
                    Stream.of(
                            RunParams.MODEL.key(),
                            RunParams.CONCURRENCY.key(),
                            RunParams.BATCH.key(),
                            PlanKeys.NAME,
                            PlanKeys.GROUP))
            .collect(Collectors.toUnmodifiableSet());

    private CellGroups() {}

    /**
     * The cell's {@code group} if the plan gives one, else "key=value ..." sorted by key over the parameters the plan
     * mentions anywhere, with effective values: a cell that leaves items unset equals one that sets items: 10000.
     * Parameters the plan never mentions are equal in all its cells, so they are left out to keep the key short.
     */
    static String of(Effective cell, Collection<String> mentioned) {
        if (cell.params().get(PlanKeys.GROUP) instanceof String g) {
            return g;
        }
        return new TreeSet<>(mentioned)
                .stream()
                        .filter(k -> !MODEL_KNOBS.contains(k) && cell.get(k) != null)
                        .map(k -> k + "=" + Effective.show(cell.get(k)))
                        .collect(Collectors.joining(" "));
    }
}
