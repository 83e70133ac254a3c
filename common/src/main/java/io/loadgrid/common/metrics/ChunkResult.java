package io.loadgrid.common.metrics;

/** What one chunk produced, committed once (putIfAbsent) by the agent that ran it. Wire bytes are counted per node. */
public record ChunkResult(long chunk, String node, Tally.Encoded tally) {}
