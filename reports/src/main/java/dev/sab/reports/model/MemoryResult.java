package dev.sab.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Memory per task, from the trial process's resident set.
 *
 * @param bytesPerTask     (peak RSS − baseline RSS) / tasks alive at the peak; null (written as such)
 *                         when the RSS did not grow above the baseline or no task was alive at the peak
 * @param baselineRssBytes RSS after setup, before any task
 * @param peakRssBytes     the highest RSS sampled during the trial
 * @param tasksAtPeak      tasks alive (spawned, not finished) when the peak was sampled
 * @param method           how it was measured, in words
 */
public record MemoryResult(@JsonInclude(JsonInclude.Include.ALWAYS) Double bytesPerTask, Long baselineRssBytes, Long peakRssBytes, Long tasksAtPeak,
                           String method) {
}
