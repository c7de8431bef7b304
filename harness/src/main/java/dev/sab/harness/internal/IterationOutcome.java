package dev.sab.harness.internal;

import dev.sab.reports.model.ArrivalResult;
import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * What one iteration measured.
 *
 * @param tasks      tasks the iteration ran
 * @param wallNanos  from the first task's (intended) start to the last task's end
 * @param latency    per-task latency
 * @param tags       per-tag latency
 * @param startDelay per-task start delay, or null when the driver cannot see it
 * @param arrival    how the tasks arrived
 * @param error      why the iteration failed (tasks threw, the deadline passed), or null
 */
public record IterationOutcome(long tasks, long wallNanos, Histogram latency, Map<String, Histogram> tags,
                               Histogram startDelay, ArrivalResult arrival, String error) {

    /** An iteration that produced no usable measurement. */
    public static IterationOutcome failed(String error) {
        return new IterationOutcome(0, 0, null, Map.of(), null, null, error);
    }
}
