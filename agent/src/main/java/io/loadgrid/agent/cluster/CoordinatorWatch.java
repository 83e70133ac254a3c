package io.loadgrid.agent.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import java.util.UUID;

/**
 * Reads the run's control entry and judges whether the coordinator is still there: a member of the cluster whose
 * heartbeat is fresh in cluster time. A load generator must never keep firing without its controller.
 */
final class CoordinatorWatch {
    private final HazelcastInstance hz;
    private final RunBoard board;
    private final UUID coordinator;

    CoordinatorWatch(HazelcastInstance hz, RunBoard board, String coordinator) {
        this.hz = hz;
        this.board = board;
        this.coordinator = UUID.fromString(coordinator);
    }

    /** What the watch saw: the control entry, nothing to go by yet (a read failed), or a coordinator that is gone. */
    sealed interface Seen permits Seen.Control, Seen.Unknown, Seen.Gone {
        record Control(RunControl control) implements Seen {}

        record Unknown() implements Seen {}

        record Gone() implements Seen {}
    }

    /**
     * Gone when the coordinator is no longer a member, when the run's control entry has been removed, or when its
     * heartbeat is stale; a read that fails (a partition moving after a member left) proves nothing either way.
     */
    Seen look() {
        if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(coordinator))) {
            return new Seen.Gone();
        }
        try {
            RunControl c = board.control(1000);
            if (c == null) {
                return new Seen.Gone();
            }
            return hz.getCluster().getClusterTime() - c.heartbeatMs() > RunControl.STALE_MS
                    ? new Seen.Gone()
                    : new Seen.Control(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Seen.Unknown();
        } catch (Exception e) {
            return new Seen.Unknown();
        }
    }

    /**
     * Whether the coordinator is a member and the run's control entry is still there, whatever its heartbeat says:
     * before the start instant no load is sent, so a heartbeat late for a moment (seen on a fresh agent after its
     * warm-up) is no reason to give the run up; a coordinator that really left fails this too.
     */
    boolean present() {
        if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(coordinator))) {
            return false;
        }
        try {
            return board.control(1000) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return true;
        }
    }

    long clusterTime() {
        return hz.getCluster().getClusterTime();
    }
}
