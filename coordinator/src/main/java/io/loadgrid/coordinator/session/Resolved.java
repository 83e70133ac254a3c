package io.loadgrid.coordinator.session;

import io.loadgrid.common.plan.RunSpec;

/** A run's spec on its target, and the target's origin ("none (CPU-bound)" for CPU workloads). */
public record Resolved(RunSpec spec, String target) {}
