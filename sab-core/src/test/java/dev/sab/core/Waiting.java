package dev.sab.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Test helpers for threads that wait in {@code Atomics.wait}. */
final class Waiting {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private Waiting() {
    }

    /**
     * Returns once {@code thread} is parked. A thread in {@code Atomics.wait} parks only after it
     * linked itself into the waiter list (entering the critical section blocks as BLOCKED, never
     * WAITING), so a parked waiter is a listed waiter.
     */
    static void untilParked(Thread thread) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError(thread + " ended instead of waiting");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread + " did not start waiting within 30 s; state " + state);
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
