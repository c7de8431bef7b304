package dev.sab.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Memory per task, measured two ways.
 *
 * <p>Resident memory, from outside the trial process: the parent reads {@code /proc/PID/status}
 * (VmRSS, and VmHWM reset at the baseline through {@code /proc/PID/clear_refs}) against a
 * baseline taken after the workload's setup with no task alive, and divides the growth by the
 * tasks alive at the peak. This is what the operating system charges the process per task: task
 * state, stacks, and the garbage collector's head-room.
 *
 * <p>Heap, from inside: heap used after a full collection at the peak, against the same after
 * setup, per task alive then. This is live data only.
 *
 * @param bytesPerTask      (RSS at the peak − baseline RSS) / tasks alive at the peak, where the peak is
 *                          the sample with the most tasks alive; null (written as such) when the RSS did
 *                          not grow above the baseline or no sample saw a task alive
 * @param baselineRssBytes  RSS after setup, before any task, once it settled
 * @param peakRssBytes      RSS at the peak
 * @param tasksAtPeak       tasks alive (spawned, not finished) at the peak
 * @param highestRssBytes   the highest RSS sampled during the measured iteration (often at its end,
 *                          with the tasks gone and the pages they touched still resident)
 * @param hwmRssBytes       VmHWM at the end: the kernel's highest RSS, between samples too (null when
 *                          it could not be reset at the baseline)
 * @param samples           RSS samples taken
 * @param heapBytesPerTask  (heap after full GC at the peak − heap after full GC at setup) / tasks alive
 * @param heapBaselineBytes heap used after a full GC after setup
 * @param heapAtPeakBytes   heap used after a full GC at the peak
 * @param heapTasksAtPeak   tasks alive at that full GC
 * @param heapMeasuredIn    {@code warm-up} (the last warm-up iteration, so the collection's pause
 *                          stays out of the measured latencies) or {@code measured}
 * @param method            how it was measured, in words
 *
 * <p>Both per-task figures are left null when fewer than {@value #MIN_TASKS_ALIVE} tasks were
 * alive at the peak: then fixed costs (the JIT's memory, the harness's own bookkeeping of the
 * tasks that already ended) dominate the division, and the quotient would be a number without a
 * meaning. The raw figures stay.
 */
public record MemoryResult(@JsonInclude(JsonInclude.Include.ALWAYS) Double bytesPerTask, Long baselineRssBytes,
                           Long peakRssBytes, Long tasksAtPeak, Long highestRssBytes, Long hwmRssBytes, Long samples,
                           Double heapBytesPerTask, Long heapBaselineBytes, Long heapAtPeakBytes,
                           Long heapTasksAtPeak, String heapMeasuredIn, String method) {

    /** Below this many tasks alive at the peak, the per-task figures are not computed. */
    public static final long MIN_TASKS_ALIVE = 100;

    /** {@code grown / tasks}, or null when there are too few tasks for the quotient to mean something. */
    public static Double perTask(long grown, long tasks) {
        return tasks >= MIN_TASKS_ALIVE && grown > 0 ? (double) grown / tasks : null;
    }

    /** Only the heap half, as the trial process measures it; the parent adds the resident half. */
    public static MemoryResult heapOnly(Long heapBaseline, Long heapAtPeak, Long tasks, String measuredIn) {
        Double perTask = heapBaseline != null && heapAtPeak != null && tasks != null
                ? perTask(heapAtPeak - heapBaseline, tasks) : null;
        return new MemoryResult(null, null, null, null, null, null, null, perTask, heapBaseline, heapAtPeak, tasks,
                measuredIn, null);
    }

    /** This heap half joined with a resident half measured from outside. */
    public MemoryResult withResident(Double perTask, Long baseline, Long peak, Long atPeak, Long highest, Long hwm,
                                     Long sampleCount, String how) {
        return new MemoryResult(perTask, baseline, peak, atPeak, highest, hwm, sampleCount, heapBytesPerTask,
                heapBaselineBytes, heapAtPeakBytes, heapTasksAtPeak, heapMeasuredIn, how);
    }
}
