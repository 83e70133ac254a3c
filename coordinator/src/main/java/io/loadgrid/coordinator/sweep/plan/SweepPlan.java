package io.loadgrid.coordinator.sweep.plan;

import java.util.List;

/**
 * A parsed, fully expanded sweep: every cell already carries its complete parameters, and every one of them has
 * passed the same validation as {@code ./loadgrid run}.
 *
 * @param file        where the plan came from (as the user named it), for error messages and the results
 * @param source      the plan's text, kept in the results so that a sweep can be resumed and re-read as it was
 * @param repetitions measured runs per cell
 * @param warmups     runs per cell before the measured ones, whose results are discarded
 * @param search      the rate search every cell is put through instead of its repetitions, or null
 */
public record SweepPlan(
        String name,
        String description,
        String file,
        String source,
        int repetitions,
        int warmups,
        List<Cell> cells,
        SearchSpec search) {}
