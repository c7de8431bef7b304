package dev.sab.core;

import java.util.concurrent.CompletionStage;

/**
 * A condition variable in one element of a shared {@link Int32Array}, used with a {@link Lock}:
 * the sequence-number condition of Lars T. Hansen's {@code lock.js}, built only on
 * {@link Atomics}.
 *
 * <p>The element is a sequence number. {@link #await} reads it while holding the lock, releases
 * the lock, and waits for the number to change; {@link #signal} and {@link #signalAll} increment
 * it and notify. A signal that lands between the read and the wait changes the number, so the
 * wait returns {@code not-equal} at once instead of sleeping through it: no signal is lost. As
 * with every condition variable, a waiter may return without its predicate being true (a signal
 * meant for another, or a timeout), so wait in a loop that re-checks the predicate.
 *
 * <p>Thread-safe; the state is in the buffer, shared by every agent that uses the element.
 */
public final class Condition {

    /** How many {@code Int32Array} elements a condition uses, from its index on. */
    public static final int INTS = 1;

    private final Int32Array ia;
    private final int index;

    /**
     * The condition whose sequence number is element {@code index} of {@code ia}.
     *
     * @throws IllegalArgumentException if {@code ia} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Condition(Int32Array ia, int index) {
        Lock.checkSharedSlot(ia, index, INTS, "Condition");
        this.ia = ia;
        this.index = index;
    }

    /**
     * Releases {@code lock}, which the caller holds, waits for a signal, and takes the lock again.
     *
     * @throws IllegalStateException if the current {@link Agent} may not block: use {@link #awaitAsync}
     */
    public void await(Lock lock) {
        await(lock, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #await(Lock)}, giving up after {@code timeoutMs} milliseconds; the lock is held
     * again on return either way. Returns false if the wait timed out.
     */
    public boolean await(Lock lock, double timeoutMs) {
        Agent.requireCurrentCanBlock("Condition.await", "Condition.awaitAsync");
        int sequence = (int) Atomics.load(ia, index);
        lock.unlock();
        WaitResult result = Atomics.wait(ia, index, sequence, timeoutMs);
        lock.lock();
        return result != WaitResult.TIMED_OUT;
    }

    /**
     * Releases {@code lock}, which the caller holds, and returns a stage that completes once a
     * signal arrived and the lock is held again: {@link #await(Lock)} for agents that may not
     * block. It completes on the thread that signalled or unlocked (see {@link Lock#lockAsync()}).
     */
    public CompletionStage<Void> awaitAsync(Lock lock) {
        int sequence = (int) Atomics.load(ia, index);
        lock.unlock();
        return Atomics.waitAsync(ia, index, sequence).promise().thenCompose(result -> lock.lockAsync());
    }

    /** Wakes the longest-waiting waiter, if any. The caller usually holds the lock. */
    public void signal() {
        Atomics.add(ia, index, 1);
        Atomics.notify(ia, index, 1);
    }

    /** Wakes every waiter. The caller usually holds the lock. */
    public void signalAll() {
        Atomics.add(ia, index, 1);
        Atomics.notify(ia, index);
    }

    @Override
    public String toString() {
        return "Condition[index=" + index + ", sequence=" + Atomics.load(ia, index) + "]";
    }
}
