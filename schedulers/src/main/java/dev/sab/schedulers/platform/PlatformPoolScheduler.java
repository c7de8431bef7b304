package dev.sab.schedulers.platform;

import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.internal.ThreadScheduler;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * {@code platform-pool:threads=N}: a fixed pool of N OS threads and one FIFO queue, the classic
 * bounded server. A task that blocks holds its thread; with N blocked, the queue waits.
 */
final class PlatformPoolScheduler extends ThreadScheduler {
    private final ThreadPoolExecutor pool;

    PlatformPoolScheduler(int threads) {
        super("platform-pool");
        this.pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("sab-pool-", 0).daemon(true).factory());
    }

    @Override
    protected void execute(Runnable run) {
        pool.execute(run);
    }

    @Override
    protected void releaseThreads() {
        pool.shutdown();
    }

    @Override
    protected void reportThreads(SchedulerMetrics.Builder b) {
        b.gauge("poolThreads", "threads", pool.getMaximumPoolSize(), "threads in the pool");
        b.gauge("poolThreadsPeak", "threads", pool.getLargestPoolSize(), "most pool threads that existed at once");
        b.gauge("queueDepth", "tasks", pool.getQueue().size(), "tasks waiting for a pool thread now");
    }
}
