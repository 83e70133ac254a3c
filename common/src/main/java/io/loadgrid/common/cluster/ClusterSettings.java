package io.loadgrid.common.cluster;

import java.util.List;

/**
 * How a member joins: cluster name, the TCP-IP members to join (multicast is always off), the interface to bind
 * and the port to listen on. {@code secret} signs plans; it is required outside local mode.
 */
public record ClusterSettings(String clusterName, List<String> join, String bindHost, int port, byte[] secret) {
    public ClusterSettings {
        join = List.copyOf(join);
    }
}
