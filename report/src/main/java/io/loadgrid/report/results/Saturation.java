package io.loadgrid.report.results;

import java.util.List;

/**
 * Whether the generator itself was the bottleneck of a cell; then its numbers measure the generator, not the target.
 *
 * @param reasons what was seen, one phrase each ("agent 1a2b3c4d CPU 187% of 2 cores")
 */
public record Saturation(boolean saturated, List<String> reasons) {
    public static final Saturation NONE = new Saturation(false, List.of());

    /** The reasons as one phrase, the same in every output. */
    public String summary() {
        return String.join("; ", reasons);
    }
}
