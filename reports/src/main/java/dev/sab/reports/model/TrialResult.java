package dev.sab.reports.model;

import java.util.Map;

/**
 * One measured trial.
 *
 * @param ok               whether it finished, every task succeeded and the workload verified
 * @param error            why not, when not ok
 * @param stderrTail       the end of the trial process's stderr, when it failed
 * @param tasks            tasks the trial ran
 * @param wallNanos        from the first task's start to the last task's end
 * @param throughputPerSec tasks per second over the wall time
 * @param latencyNs        per-task latency, submit to done
 * @param memory           memory per task
 * @param cpu              process CPU time and cores used
 * @param scheduler        the scheduler's metrics: for counters the change over the trial
 * @param tags             latency per task tag
 * @param workload         what the workload's verification measured (lostUpdates, ...)
 */
public record TrialResult(boolean ok, String error, String stderrTail, long tasks, long wallNanos,
                          double throughputPerSec, LatencySummary latencyNs, MemoryResult memory, CpuResult cpu,
                          Map<String, Map<String, Object>> scheduler, Map<String, TagResult> tags,
                          Map<String, Number> workload) {

    /** A trial that produced no measurement. */
    public static TrialResult failed(String error, String stderrTail) {
        return new TrialResult(false, error, stderrTail, 0, 0, 0, null, null, null, null, null, null);
    }

    /** The same trial, marked failed for {@code reason}; its measurements stay. */
    public TrialResult markFailed(String reason) {
        return new TrialResult(false, reason, stderrTail, tasks, wallNanos, throughputPerSec, latencyNs, memory, cpu,
                scheduler, tags, workload);
    }
}
