package dev.sab.reports.model;

/**
 * What the trial process's runtime did during the measured iteration: changes over the iteration,
 * except the peak. The harness's own threads in the trial process are counted too: the driver
 * that spawns the tasks, and the probe's ticker, which wakes every 10 ms (about 100 voluntary
 * context switches a second).
 *
 * @param gcCount                    garbage collections (all collectors)
 * @param gcTimeNanos                time the collectors report, at their millisecond resolution
 * @param peakThreads                the most live JVM threads at once (platform threads; virtual
 *                                   threads are not counted by the JVM)
 * @param voluntaryContextSwitches   the process's threads gave up the CPU (blocked, slept, parked),
 *                                   from getrusage(RUSAGE_SELF)
 * @param involuntaryContextSwitches the kernel took the CPU from one of its threads (time slice
 *                                   ended, preempted)
 */
public record ProcessResult(long gcCount, long gcTimeNanos, int peakThreads, Long voluntaryContextSwitches,
                            Long involuntaryContextSwitches) {
}
