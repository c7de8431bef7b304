package dev.sab.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A counting semaphore in one element of a shared {@link Int32Array}, built only on
 * {@link Atomics}: the element is the number of available permits.
 *
 * <p>{@link #acquire()} takes a permit with a compare-exchange when one is available, and
 * otherwise waits for the element to stop being 0. {@link #release(int)} adds permits and
 * notifies as many waiters. A woken waiter competes for the permit with newcomers and waits again
 * if it loses, so the semaphore is not fair, but no permit and no wake-up is lost: a release
 * between a waiter's read and its wait changes the element, and the wait returns at once.
 *
 * <p>Every release notifies, waiters or not: for an ordinary buffer that is a table look-up when
 * nobody waits; for a mapped buffer using the futex it is a system call.
 *
 * <p>Thread-safe; the state is in the buffer, shared by every agent that uses the element.
 */
public final class Semaphore {

    /** How many {@code Int32Array} elements a semaphore uses, from its index on. */
    public static final int INTS = 1;

    private static final CompletionStage<Void> ACQUIRED = CompletableFuture.completedStage(null);

    private final Int32Array ia;
    private final int index;

    /**
     * The semaphore whose permit count is element {@code index} of {@code ia}; set the count with
     * {@link #initialize} before use (a zeroed element has no permits).
     *
     * @throws IllegalArgumentException if {@code ia} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Semaphore(Int32Array ia, int index) {
        Lock.checkSharedSlot(ia, index, INTS, "Semaphore");
        this.ia = ia;
        this.index = index;
    }

    /** Sets the permit count at {@code index}. Only while no agent uses the semaphore. */
    public static void initialize(Int32Array ia, int index, int permits) {
        Lock.checkSharedSlot(ia, index, INTS, "Semaphore");
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be 0 or more, got " + permits);
        }
        Atomics.store(ia, index, permits);
    }

    /**
     * Takes a permit, waiting as long as it takes.
     *
     * @throws IllegalStateException if no permit is available and the current {@link Agent} may
     *     not block: use {@link #acquireAsync()}
     */
    public void acquire() {
        tryAcquire(Double.POSITIVE_INFINITY);
    }

    /** Takes a permit if one is available; never waits. */
    public boolean tryAcquire() {
        int c;
        while ((c = (int) Atomics.load(ia, index)) > 0) {
            if (Atomics.compareExchange(ia, index, c, c - 1) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes a permit, waiting at most {@code timeoutMs} milliseconds; false if none came.
     *
     * @throws IllegalStateException if no permit is available and the current {@link Agent} may not block
     */
    public boolean tryAcquire(double timeoutMs) {
        if (tryAcquire()) {
            return true;
        }
        Agent.requireCurrentCanBlock("Semaphore.acquire", "Semaphore.acquireAsync or Semaphore.tryAcquire()");
        long deadline = System.nanoTime() + Atomics.timeoutNanos(timeoutMs);
        boolean forever = Double.isNaN(timeoutMs) || timeoutMs == Double.POSITIVE_INFINITY;
        while (true) {
            if (tryAcquire()) {
                return true;
            }
            double remainingMs = forever ? Double.POSITIVE_INFINITY : (deadline - System.nanoTime()) / 1e6;
            if (remainingMs <= 0) {
                return false;
            }
            Atomics.wait(ia, index, 0, remainingMs);
        }
    }

    /**
     * Takes a permit without blocking: the stage completes once one is taken (already complete
     * when one was available). When it had to wait, it completes on the thread whose
     * {@link #release} woke it, inside that call.
     */
    public CompletionStage<Void> acquireAsync() {
        if (tryAcquire()) {
            return ACQUIRED;
        }
        CompletableFuture<Void> acquired = new CompletableFuture<>();
        acquireAsync(acquired);
        return acquired.minimalCompletionStage();
    }

    private void acquireAsync(CompletableFuture<Void> acquired) {
        while (!tryAcquire()) {
            WaitAsyncResult waited = Atomics.waitAsync(ia, index, 0);
            if (waited.async()) {
                waited.promise().thenRun(() -> acquireAsync(acquired));
                return;
            }
        }
        acquired.complete(null);
    }

    /** Returns one permit. */
    public void release() {
        release(1);
    }

    /**
     * Returns {@code permits} permits and wakes up to as many waiters.
     *
     * @throws IllegalArgumentException if {@code permits} is less than 1
     */
    public void release(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be 1 or more, got " + permits);
        }
        Atomics.add(ia, index, permits);
        Atomics.notify(ia, index, permits);
    }

    /** The permits available now; a snapshot. */
    public int availablePermits() {
        return (int) Atomics.load(ia, index);
    }

    @Override
    public String toString() {
        return "Semaphore[index=" + index + ", permits=" + availablePermits() + "]";
    }
}
