package io.loadgrid.common.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Locale;

/** What an agent is doing, as {@code ./loadgrid agents} shows it; only an idle one takes a run. */
public enum AgentState {
    IDLE,
    PREPARING,
    RUNNING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The cluster-wide map of every agent's state (member uuid to state), read and written only here. It lives on
     * the data members (the agents; a coordinator only with --join): a lite one asks it once an agent is there.
     */
    public static final class Board {
        private final HazelcastInstance hz;

        public Board(HazelcastInstance hz) {
            this.hz = hz;
        }

        public void set(String agent, AgentState state) {
            map().set(agent, state.key());
        }

        /** The agent's state, or null when it has not said yet or says one this version does not know. */
        public AgentState of(String agent) {
            String key = map().get(agent);
            for (AgentState s : values()) {
                if (s.key().equals(key)) {
                    return s;
                }
            }
            return null;
        }

        private IMap<String, String> map() {
            return hz.getMap(ClusterNames.AGENT_STATE);
        }
    }
}
