package io.loadgrid.common.plan;

/**
 * How chunks go to agents. DYNAMIC: whoever is free leases the next one, so a faster agent takes more.
 * STATIC: agent k of K owns chunks k, k+K, ... (an equal fixed share, the seeds' two-host setup); only a lost
 * agent's share is taken over by the others.
 */
public enum Split {
    DYNAMIC,
    STATIC
}
