package io.loadgrid.coordinator.run;

import java.util.Locale;

/**
 * Why a run of a cell was made, as its exported series say in their {@code phase} label: only the steady runs make
 * the cell's result; the others are traffic all the same, and are counted apart so that no total mixes them in.
 */
public enum Phase {
    /** A run before the measured ones, whose result is dropped. */
    WARMUP,
    /** A short paced run of a rate search, probing one rate. */
    SEARCH,
    /** A measured run: the cell's result is made of these. */
    STEADY;

    /** The label value: warmup, search or steady. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
