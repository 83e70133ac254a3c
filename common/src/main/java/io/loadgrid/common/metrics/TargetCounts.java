package io.loadgrid.common.metrics;

/**
 * What a loadgrid target counted on the wire, control endpoints excluded: the counts of its {@code /stats} document,
 * and a run's {@code target_counts} (the difference of two). Declared once, for the target that counts and renders
 * them and the coordinator that reads them, with the same names in both documents.
 *
 * @param requests requests received
 * @param bytesIn  raw bytes read from client sockets (request lines, headers and bodies)
 * @param bytesOut raw bytes written to client sockets (status lines, headers and bodies)
 */
public record TargetCounts(long requests, long bytesIn, long bytesOut) {
    /**
     * The {@code /stats} field that names the counts' epoch: a new value whenever they restart from zero (the target
     * started, or {@code /stats/reset}), so that only two readings of one epoch are subtracted.
     */
    public static final String EPOCH_FIELD = "counts_epoch";

    /** The counts at one moment and the epoch they count in: what the target serves and the coordinator reads. */
    public record Reading(String epoch, TargetCounts counts) {
        /** What was counted since {@code before}; null when the counts restarted in between (a restarted target). */
        public TargetCounts since(Reading before) {
            return epoch.equals(before.epoch) ? counts.minus(before.counts) : null;
        }
    }

    public TargetCounts minus(TargetCounts before) {
        return new TargetCounts(requests - before.requests, bytesIn - before.bytesIn, bytesOut - before.bytesOut);
    }
}
