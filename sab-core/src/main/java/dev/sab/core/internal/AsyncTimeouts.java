package dev.sab.core.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer behind {@code Atomics.waitAsync} timeouts: one daemon platform thread,
 * {@value #THREAD_NAME}, started on first use. The specification's timeout job runs here, so a
 * {@code waitAsync} promise that times out completes on this thread; so do the periodic value
 * checks of async waiters on a polled buffer (see {@link InProcessWaits#polling}).
 *
 * <p>Cancelled timeouts leave the queue at once (remove-on-cancel), so a program that notifies
 * its async waiters long before their timeouts does not accumulate dead entries.
 *
 * <p>Thread-safe.
 */
final class AsyncTimeouts {

    static final String THREAD_NAME = "sab-atomics-timeouts";

    private AsyncTimeouts() {
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().name(THREAD_NAME).daemon(true).factory());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /** Runs {@code action} on the timer thread every {@code periodNanos}; cancel the result to stop it. */
    static Future<?> repeat(Runnable action, long periodNanos) {
        return Holder.TIMER.scheduleWithFixedDelay(action, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code action} on the timer thread after {@code delayNanos}; cancel the result to drop it. */
    static Future<?> schedule(Runnable action, long delayNanos) {
        return Holder.TIMER.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }
}
