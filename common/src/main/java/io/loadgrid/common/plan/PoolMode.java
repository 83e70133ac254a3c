package io.loadgrid.common.plan;

/** Seed 002's variants: one thread pool for the whole run, or a new pool for every batch. */
public enum PoolMode {
    REUSE, RECREATE
}
