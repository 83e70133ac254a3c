package io.loadgrid.agent.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.codec.Json;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Reads the run's control entry and judges whether the coordinator is still there: a member of the cluster whose
 * heartbeat is fresh in cluster time. A load generator must never keep firing without its controller.
 */
final class CoordinatorWatch {
    private final HazelcastInstance hz;
    private final IMap<String, String> control;
    private final String runId;
    private final UUID coordinator;

    CoordinatorWatch(HazelcastInstance hz, String runId, String coordinator) {
        this.hz = hz;
        this.control = hz.getMap(ClusterNames.CONTROL);
        this.runId = runId;
        this.coordinator = UUID.fromString(coordinator);
    }

    /** The current control entry, or null when the coordinator is gone or silent. */
    RunControl read() {
        if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(coordinator))) {
            return null;
        }
        try {
            String json = control.getAsync(runId).toCompletableFuture().get(1, TimeUnit.SECONDS);
            if (json == null) {
                return null;
            }
            RunControl c = Json.read(json, RunControl.class);
            return hz.getCluster().getClusterTime() - c.heartbeatMs() > RunControl.STALE_MS ? null : c;
        } catch (Exception e) {
            // a partition that cannot be read within a second is as good as a silent coordinator
            return null;
        }
    }

    long clusterTime() {
        return hz.getCluster().getClusterTime();
    }
}
