package dev.sab.schedulers;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * A started task: wait for it, read its outcome, or cancel it. Thread-safe.
 *
 * <p>Waiting parks the calling thread with {@link java.util.concurrent.locks.LockSupport}, so a
 * task that joins another (on any scheduler built on virtual threads) gives its carrier away.
 */
public interface TaskHandle<T> {

    /**
     * Waits for the task and returns its result.
     *
     * @throws TaskFailedException if the task threw; the cause is what it threw
     * @throws CancellationException if the task was cancelled
     */
    T join() throws InterruptedException;

    /** Waits at most {@code timeout}; returns whether the task is done. */
    boolean join(Duration timeout) throws InterruptedException;

    boolean isDone();

    /**
     * The result of a task that completed normally.
     *
     * @throws IllegalStateException if the task has not finished
     * @throws TaskFailedException if it threw
     * @throws CancellationException if it was cancelled
     */
    T result();

    /** What the task threw, a {@link CancellationException} if cancelled, or null if it succeeded or runs still. */
    Throwable exception();

    /**
     * Cancels the task: one that has not started never runs; a running one is interrupted.
     * Returns false if the task had already finished.
     */
    boolean cancel();

    boolean isCancelled();
}
