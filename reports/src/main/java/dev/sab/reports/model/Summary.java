package dev.sab.reports.model;

import java.util.Map;

/**
 * A cell's trials in one line: every number is the median over the ok trials.
 *
 * @param okTrials         trials that succeeded
 * @param failedTrials     trials that did not
 * @param tasks            median tasks
 * @param wallNanos        median wall time
 * @param throughputPerSec median throughput
 * @param latencyNs        median of each percentile (no histogram)
 * @param memory           median bytes per task
 * @param scheduler        median of each scheduler metric's value
 * @param tags             median of each tag's percentiles
 */
public record Summary(int okTrials, int failedTrials, Long tasks, Double wallNanos, Double throughputPerSec,
                      LatencySummary latencyNs, MemoryResult memory, Map<String, Number> scheduler,
                      Map<String, TagResult> tags) {
}
