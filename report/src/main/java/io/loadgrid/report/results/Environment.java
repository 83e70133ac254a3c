package io.loadgrid.report.results;

import java.util.List;

/**
 * Where a sweep ran: the coordinator's host and the agents it used.
 *
 * @param mode "local" (target and agents started on this host) or "cluster" (--join)
 */
public record Environment(
        String host,
        String os,
        int cores,
        long memoryMb,
        String jdk,
        String loadgridVersion,
        String mode,
        List<Agent> agents,
        String started) {

    public record Agent(String node, String address, String host, int cores, long memoryMb, String version) {}
}
