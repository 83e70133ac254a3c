package io.loadgrid.common.metrics;

/**
 * A run's pace: every rate divides by {@code wallS}.
 *
 * @param reqPerS   responses per second: items that got an answer (ok, or a 4xx/5xx counted as failed), as wrk counts
 *                  requests; connect, timeout and reset failures got none and do not count
 * @param itemsPerS items finished per second, failed ones included: the pace the schedule was kept at
 */
public record Rates(double wallS, double reqPerS, double itemsPerS, double downloadBytesPerS, double uploadBytesPerS) {}
