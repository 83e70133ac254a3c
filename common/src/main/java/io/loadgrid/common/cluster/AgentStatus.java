package io.loadgrid.common.cluster;

/** An agent's answer to a plan: ready to start, or why not. */
public record AgentStatus(State state, String reason) {
    public enum State {
        READY,
        REFUSED,
        FAILED
    }

    public static AgentStatus ready() {
        return new AgentStatus(State.READY, null);
    }
}
