package io.loadgrid.agent.cluster;

import java.util.Locale;

/** What an agent is doing, as `./loadgrid agents` shows it. */
public enum AgentState {
    IDLE,
    PREPARING,
    RUNNING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
