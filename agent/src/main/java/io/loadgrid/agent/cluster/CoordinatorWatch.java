package io.loadgrid.agent.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Reads the run's control entry and judges whether the coordinator is still there: a member of the cluster whose
 * heartbeat is fresh in cluster time. A load generator must never keep firing without its controller.
 */
final class CoordinatorWatch {
    private final HazelcastInstance hz;
    private final RunBoard board;
    private final UUID coordinator;
    /** When the heartbeat was first seen stale, in nanoTime; 0 while it is fresh. */
    private long lateSince;

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
     * heartbeat has been stale for a second limit in a row; a read that fails (a partition moving after a member
     * left) proves nothing either way.
     *
     * <p>A stale heartbeat alone is not enough: when another agent's host drops off the network, the coordinator's
     * writes to the partitions that agent owned wait until the cluster has dropped it (max.no.heartbeat seconds), and
     * a reader that meanwhile gets the backup sees the last beat from before the cut (a whole run was lost to this in
     * the partition test). A coordinator that dies leaves the member list, and is gone at once.
     */
    synchronized Seen look() {
        if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(coordinator))) {
            return new Seen.Gone();
        }
        try {
            RunControl c = board.control(1000);
            if (c == null) {
                return new Seen.Gone();
            }
            if (hz.getCluster().getClusterTime() - c.heartbeatMs() <= RunControl.STALE_MS) {
                lateSince = 0;
                return new Seen.Control(c);
            }
            long now = System.nanoTime();
            lateSince = lateSince == 0 ? now : lateSince;
            return now - lateSince > TimeUnit.MILLISECONDS.toNanos(RunControl.STALE_MS)
                    ? new Seen.Gone()
                    : new Seen.Unknown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Seen.Unknown();
        } catch (Exception e) {
            return new Seen.Unknown();
        }
    }

    long clusterTime() {
        return hz.getCluster().getClusterTime();
    }
}
