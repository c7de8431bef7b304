package dev.sab.reports.model;

import java.util.Map;

/**
 * A cell's trials in one line: every number is the median over the ok trials, except the pooled
 * distribution.
 *
 * @param okTrials         trials that succeeded
 * @param failedTrials     trials that did not
 * @param tasks            median tasks
 * @param wallNanos        median wall time
 * @param throughputPerSec median throughput
 * @param latencyNs        median of each percentile (no histogram)
 * @param pooledLatencyNs  every ok trial's latencies in one histogram (an exact merge), with the histogram
 * @param startDelayNs     median of each start-delay percentile
 * @param probeLatenessNs  median of each percentile of the responsiveness probe's lateness
 * @param memory           median bytes per task, resident and heap
 * @param coresUsed        median CPU time / wall time
 * @param scheduler        median of each scheduler metric's value
 * @param tags             median of each tag's percentiles
 */
public record Summary(int okTrials, int failedTrials, Long tasks, Double wallNanos, Double throughputPerSec,
                      LatencySummary latencyNs, LatencySummary pooledLatencyNs, LatencySummary startDelayNs,
                      LatencySummary probeLatenessNs, MemoryResult memory, Double coresUsed,
                      Map<String, Number> scheduler, Map<String, TagResult> tags) {
}
