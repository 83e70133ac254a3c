package io.loadgrid.coordinator.session;

import io.loadgrid.coordinator.request.RunRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where a session's agents come from: JVMs it starts on this host ({@link LocalAgentSource}), or the idle agents of
 * a cluster it joined ({@link JoinedAgentSource}). Everything that differs between the two lives behind this, so that
 * the session, the sweep and its results never ask which one they have.
 */
public sealed interface AgentSource extends AutoCloseable permits LocalAgentSource, JoinedAgentSource {
    /** How long a run waits for the agents it needs. */
    long AGENT_WAIT_MS = 60_000;

    /** How the sweep's environment names it: "local" or "cluster". */
    String mode();

    /**
     * Whether the agents run on this host beside the target: the embedded target serves them, and a host without an
     * idle core means a generator without one.
     */
    boolean onThisHost();

    /** How many agents a run that asks for {@code asked} waits for; 0 means every idle agent present. */
    int wanted(int asked);

    /** How long a run waits for {@code wanted} agents. */
    default long waitMs(int wanted) {
        return AGENT_WAIT_MS;
    }

    /** Refuses, as bad input, targets these agents were not started to load. */
    default void checkLoadable(List<String> targets) {}

    /** A run is about to use the agents. */
    default void using() {}

    /** Before a sweep's cell: fresh agents where this source can start them and the ones it has have run anything. */
    default void freshen() throws IOException {}

    /** The sweep's runs as they go to these agents. */
    default Map<String, RunRequest> pin(Map<String, RunRequest> runs) throws InterruptedException {
        return runs;
    }

    /** What a resumed sweep must be given besides its own options. */
    default String resumeHint() {
        return "";
    }

    /** What a long-lived coordinator says of its agents when it starts. */
    String describe();

    @Override
    default void close() {}
}
