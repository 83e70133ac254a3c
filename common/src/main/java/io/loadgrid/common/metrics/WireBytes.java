package io.loadgrid.common.metrics;

/**
 * Bytes as they crossed the wire (headers and framing included), as the target counts them too.
 *
 * @param bytesWritten response body bytes written to the sink
 */
public record WireBytes(long bytesDown, long bytesUp, long bytesWritten) {}
