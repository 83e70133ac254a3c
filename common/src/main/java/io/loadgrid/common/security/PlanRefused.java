package io.loadgrid.common.security;

/** Why an agent refuses a plan; logged by the agent and reported to the coordinator. */
public final class PlanRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanRefused(String reason) {
        super(reason, null, false, false);
    }
}
