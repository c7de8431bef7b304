package dev.sab.schedulers.virtual;

import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.internal.ThreadScheduler;
import jdk.management.VirtualThreadSchedulerMXBean;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ThreadFactory;

/**
 * {@code virtual}: a JDK virtual thread per task on the JDK's own scheduler (a FIFO-mode
 * ForkJoinPool with one carrier per core unless {@code jdk.virtualThreadScheduler.parallelism}
 * says otherwise). Sleeping and socket waits unmount the virtual thread; CPU work is never
 * preempted; a blocking file read pins its carrier, which the JDK may compensate for.
 */
final class VirtualScheduler extends ThreadScheduler {
    private final ThreadFactory threads = Thread.ofVirtual().factory();
    private final VirtualThreadSchedulerMXBean jdkScheduler =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);

    VirtualScheduler() {
        super("virtual");
    }

    @Override
    protected void execute(Runnable run) {
        threads.newThread(run).start();
    }

    @Override
    protected void releaseThreads() {
        // the JDK's scheduler is shared by the whole JVM and outlives this scheduler
    }

    @Override
    protected void reportThreads(SchedulerMetrics.Builder b) {
        b.gauge("parallelism", "carriers", jdkScheduler.getParallelism(), "the JDK scheduler's target parallelism");
        b.gauge("poolSize", "carriers", jdkScheduler.getPoolSize(), "carrier threads that exist now");
        b.gauge("mountedVirtualThreads", "threads", jdkScheduler.getMountedVirtualThreadCount(),
                "virtual threads mounted on a carrier now");
        b.gauge("queuedVirtualThreads", "threads", jdkScheduler.getQueuedVirtualThreadCount(),
                "virtual threads queued for a carrier now (an estimate)");
    }

    /** The JDK scheduler's parallelism in this JVM. */
    static int jvmParallelism() {
        return ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class).getParallelism();
    }
}
