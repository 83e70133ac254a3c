package io.loadgrid.coordinator.run;

/** An agent refused the plan (signature, allowlist, limits): the user must change something, so it is bad input. */
public final class PlanRejected extends RuntimeException {
    public PlanRejected(String message) {
        super(message);
    }
}
