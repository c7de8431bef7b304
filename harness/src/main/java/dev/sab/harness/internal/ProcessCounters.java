package dev.sab.harness.internal;

import dev.sab.reports.model.ProcessResult;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the JVM and the kernel count about this process, read before and after the measured
 * iteration: CPU time, garbage collections, threads and context switches. Called only on the
 * trial's driving thread.
 */
public final class ProcessCounters {
    private final long cpuNanos;
    private final long gcCount;
    private final long gcMillis;
    private final Rusage.Switches switches;

    private ProcessCounters(long cpuNanos, long gcCount, long gcMillis, Rusage.Switches switches) {
        this.cpuNanos = cpuNanos;
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
        this.switches = switches;
    }

    /** The counters now; also restarts the JVM's peak-thread count, so the next {@link #since} sees this iteration's peak. */
    public static ProcessCounters start() {
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        return now();
    }

    private static ProcessCounters now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new ProcessCounters(ProcessCpuClock.nanos(), count, millis, Rusage.now());
    }

    /** Process CPU time (user + system) used since {@code this}. */
    public long cpuNanosSince() {
        return ProcessCpuClock.nanos() - cpuNanos;
    }

    /** The changes since {@code this} (the peak thread count since {@link #start}). */
    public ProcessResult since() {
        ProcessCounters end = now();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Long voluntary = switches == null || end.switches == null ? null : end.switches.voluntary() - switches.voluntary();
        Long involuntary = switches == null || end.switches == null ? null
                : end.switches.involuntary() - switches.involuntary();
        return new ProcessResult(end.gcCount - gcCount, (end.gcMillis - gcMillis) * 1_000_000, threads.getPeakThreadCount(),
                voluntary, involuntary);
    }
}
