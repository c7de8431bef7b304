package dev.sab.reports.model;

import java.util.Map;

/**
 * One measured trial.
 *
 * @param ok               whether it finished, every task succeeded and the workload verified
 * @param error            why not, when not ok
 * @param stderrTail       the end of the trial process's output, when it failed
 * @param tasks            tasks the trial ran
 * @param wallNanos        from the first task's (intended) start to the last task's end
 * @param throughputPerSec tasks per second over the wall time
 * @param latencyNs        per-task latency: from submit to done, or from the intended start in an
 *                         open-loop run (free of coordinated omission)
 * @param startDelayNs     per-task start delay: from the spawn call to the first instruction of the task
 * @param probe            the responsiveness probe's lateness
 * @param memory           memory per task
 * @param cpu              process CPU time and cores used
 * @param process          garbage collection, threads and context switches of the trial process
 * @param arrival          how the tasks arrived, as measured
 * @param scheduler        the scheduler's metrics: for counters the change over the trial
 * @param tags             latency per task tag
 * @param workload         what the workload's verification measured (lostUpdates, ...)
 */
public record TrialResult(boolean ok, String error, String stderrTail, long tasks, long wallNanos,
                          double throughputPerSec, LatencySummary latencyNs, LatencySummary startDelayNs,
                          ProbeResult probe, MemoryResult memory, CpuResult cpu, ProcessResult process,
                          ArrivalResult arrival, Map<String, Map<String, Object>> scheduler,
                          Map<String, TagResult> tags, Map<String, Number> workload) {

    /** A trial that produced no measurement. */
    public static TrialResult failed(String error, String stderrTail) {
        return new TrialResult(false, error, stderrTail, 0, 0, 0, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The same trial, marked failed for {@code reason}; its measurements stay. */
    public TrialResult markFailed(String reason) {
        return new TrialResult(false, reason, stderrTail, tasks, wallNanos, throughputPerSec, latencyNs, startDelayNs,
                probe, memory, cpu, process, arrival, scheduler, tags, workload);
    }

    /** The same trial with the tail of its process's output attached. */
    public TrialResult withStderrTail(String tail) {
        return new TrialResult(ok, error, tail, tasks, wallNanos, throughputPerSec, latencyNs, startDelayNs, probe,
                memory, cpu, process, arrival, scheduler, tags, workload);
    }

    /** The same trial with its memory figures replaced (the parent measures resident memory from outside). */
    public TrialResult withMemory(MemoryResult newMemory) {
        return new TrialResult(ok, error, stderrTail, tasks, wallNanos, throughputPerSec, latencyNs, startDelayNs,
                probe, newMemory, cpu, process, arrival, scheduler, tags, workload);
    }
}
