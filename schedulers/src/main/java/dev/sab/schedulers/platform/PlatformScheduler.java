package dev.sab.schedulers.platform;

import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.internal.ThreadScheduler;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code platform}: one new OS thread per task, the classic thread-per-request server. The OS
 * scheduler does all the scheduling; the cost measured is the thread's creation, stack and
 * context switches.
 */
final class PlatformScheduler extends ThreadScheduler {
    private final ThreadFactory threads = Thread.ofPlatform().name("sab-platform-", 0).daemon(true).factory();
    private final LongAdder threadsStarted = new LongAdder();
    private final AtomicInteger threadsAlive = new AtomicInteger();
    private final AtomicInteger threadsPeak = new AtomicInteger();

    PlatformScheduler() {
        super("platform");
    }

    @Override
    protected void execute(Runnable run) {
        Thread t = threads.newThread(() -> {
            threadsPeak.accumulateAndGet(threadsAlive.incrementAndGet(), Math::max);
            try {
                run.run();
            } finally {
                threadsAlive.decrementAndGet();
            }
        });
        threadsStarted.increment();
        t.start();
    }

    @Override
    protected void releaseThreads() {
        // each thread ends with its task
    }

    @Override
    protected void reportThreads(SchedulerMetrics.Builder b) {
        b.counter("threadsStarted", "threads", threadsStarted.sum(), "OS threads started, one per task");
        b.gauge("threadsAlive", "threads", threadsAlive.get(), "task threads running now");
        b.gauge("threadsPeak", "threads", threadsPeak.get(), "most task threads alive at once");
    }
}
