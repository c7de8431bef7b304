package dev.sab.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A count-down latch in one element of a shared {@link Int32Array}, built only on
 * {@link Atomics}: the element is the count; waiters pass once it reaches 0.
 *
 * <p>{@link #countDown()} decrements with a compare-exchange (never below 0) and the decrement
 * that reaches 0 notifies every waiter. {@link #await()} waits on the count it last read; a
 * decrement that does not reach 0 does not wake it, and a wait that starts after a decrement sees
 * {@code not-equal} and reads again.
 *
 * <p>Thread-safe; the state is in the buffer, shared by every agent that uses the element.
 */
public final class Latch {

    /** How many {@code Int32Array} elements a latch uses, from its index on. */
    public static final int INTS = 1;

    private static final CompletionStage<Void> OPEN = CompletableFuture.completedStage(null);

    private final Int32Array ia;
    private final int index;

    /**
     * The latch whose count is element {@code index} of {@code ia}; set the count with
     * {@link #initialize} before use (a zeroed element is an open latch).
     *
     * @throws IllegalArgumentException if {@code ia} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Latch(Int32Array ia, int index) {
        Lock.checkSharedSlot(ia, index, INTS, "Latch");
        this.ia = ia;
        this.index = index;
    }

    /** Sets the count at {@code index}. Only while no agent uses the latch. */
    public static void initialize(Int32Array ia, int index, int count) {
        Lock.checkSharedSlot(ia, index, INTS, "Latch");
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, got " + count);
        }
        Atomics.store(ia, index, count);
    }

    /** Decrements the count unless it is 0; the decrement to 0 wakes every waiter. */
    public void countDown() {
        int c;
        while ((c = (int) Atomics.load(ia, index)) > 0) {
            if (Atomics.compareExchange(ia, index, c, c - 1) == c) {
                if (c == 1) {
                    Atomics.notify(ia, index);
                }
                return;
            }
        }
    }

    /**
     * Waits until the count is 0.
     *
     * @throws IllegalStateException if the count is not 0 and the current {@link Agent} may not
     *     block: use {@link #awaitAsync()}
     */
    public void await() {
        await(Double.POSITIVE_INFINITY);
    }

    /**
     * Waits until the count is 0 or {@code timeoutMs} milliseconds passed; true if it reached 0.
     *
     * @throws IllegalStateException if the count is not 0 and the current {@link Agent} may not block
     */
    public boolean await(double timeoutMs) {
        if (Atomics.load(ia, index) <= 0) {
            return true;
        }
        Agent.requireCurrentCanBlock("Latch.await", "Latch.awaitAsync");
        long deadline = System.nanoTime() + Atomics.timeoutNanos(timeoutMs);
        boolean forever = Double.isNaN(timeoutMs) || timeoutMs == Double.POSITIVE_INFINITY;
        int c;
        while ((c = (int) Atomics.load(ia, index)) > 0) {
            double remainingMs = forever ? Double.POSITIVE_INFINITY : (deadline - System.nanoTime()) / 1e6;
            if (remainingMs <= 0) {
                return false;
            }
            Atomics.wait(ia, index, c, remainingMs);
        }
        return true;
    }

    /**
     * A stage that completes once the count is 0 (already complete if it is): {@link #await()}
     * for agents that may not block. It completes on the thread whose {@link #countDown()}
     * reached 0, inside that call.
     */
    public CompletionStage<Void> awaitAsync() {
        if (Atomics.load(ia, index) <= 0) {
            return OPEN;
        }
        CompletableFuture<Void> open = new CompletableFuture<>();
        awaitAsync(open);
        return open.minimalCompletionStage();
    }

    private void awaitAsync(CompletableFuture<Void> open) {
        int c;
        while ((c = (int) Atomics.load(ia, index)) > 0) {
            WaitAsyncResult waited = Atomics.waitAsync(ia, index, c);
            if (waited.async()) {
                waited.promise().thenRun(() -> awaitAsync(open));
                return;
            }
        }
        open.complete(null);
    }

    /** The count now; a snapshot. */
    public int count() {
        return (int) Atomics.load(ia, index);
    }

    @Override
    public String toString() {
        return "Latch[index=" + index + ", count=" + count() + "]";
    }
}
