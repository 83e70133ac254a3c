package io.loadgrid.target;

/**
 * Snapshot of what the target has seen on the wire, control endpoints ({@code /stats}, {@code /metrics}) excluded.
 *
 * @param requests requests received
 * @param bytesIn  raw bytes read from client sockets (request lines, headers and bodies)
 * @param bytesOut raw bytes written to client sockets (status lines, headers and bodies)
 */
public record TargetStats(long requests, long bytesIn, long bytesOut) {
}
