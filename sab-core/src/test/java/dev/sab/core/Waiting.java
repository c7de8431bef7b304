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
        untilParked(thread, false);
    }

    /** As {@link #untilParked(Thread)}, but also returns if the thread has ended (its wait timed out). */
    static void untilParkedOrEnded(Thread thread) {
        untilParked(thread, true);
    }

    private static void untilParked(Thread thread, boolean mayEnd) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || (mayEnd && state == Thread.State.TERMINATED)) {
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

    /**
     * Returns once {@code thread} is parked, or, for a futex wait, has been inside its native call
     * a while (a thread in a system call reports RUNNABLE, so there is no exact signal: callers that
     * need the waiter queued retry their notify).
     */
    static void untilParkedOrNative(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            boolean inFutex = false;
            for (StackTraceElement frame : thread.getStackTrace()) {
                inFutex |= frame.getClassName().endsWith("internal.Futex");
            }
            if (inFutex) {
                Thread.sleep(20); // into the kernel by now, with overwhelming likelihood
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError(thread + " did not start waiting within 30 s");
    }
}
