package dev.sab.core;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A mutual-exclusion lock that lives in one element of a shared {@link Int32Array}: Ulrich
 * Drepper's three-state futex mutex ("Futexes Are Tricky", 2011, mutex2), in the form of Lars T.
 * Hansen's {@code lock.js} for JavaScript, built only on {@link Atomics#compareExchange},
 * {@link Atomics#sub}, {@link Atomics#wait} and {@link Atomics#notify}.
 *
 * <p>The lock word: {@value #UNLOCKED} unlocked, {@value #LOCKED} locked with no waiters,
 * {@value #CONTENDED} locked with possible waiters. It is 0 whenever the lock is free. Because the
 * whole state is in the buffer, every agent (thread, or process for a mapped buffer) that builds a
 * {@code Lock} over the same element shares one lock; the Java object holds nothing but the
 * element's address. An uncontended {@link #lock()} and {@link #unlock()} are one atomic
 * read-modify-write each and never touch the waiter list.
 *
 * <p>The lock has no owner, as in {@code lock.js}: any agent may unlock a held lock, and it is not
 * reentrant (locking twice from one thread deadlocks). Unlocking a free lock throws and leaves the
 * word 0. Waiters are woken one at a time in first-in-first-out order, but a woken waiter competes
 * with newcomers (barging), so the lock is not fair.
 *
 * <p>Thread-safe.
 */
public final class Lock {

    /** How many {@code Int32Array} elements a lock uses, from its index on. */
    public static final int INTS = 1;

    static final int UNLOCKED = 0;
    static final int LOCKED = 1;
    static final int CONTENDED = 2;

    private static final CompletionStage<Void> ACQUIRED = CompletableFuture.completedStage(null);

    private final Int32Array ia;
    private final int index;

    /**
     * The lock whose word is element {@code index} of {@code ia}. A zeroed buffer holds a free
     * lock; {@link #initialize} makes one free explicitly.
     *
     * @throws IllegalArgumentException if {@code ia} does not view a {@link SharedArrayBuffer}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public Lock(Int32Array ia, int index) {
        checkSharedSlot(ia, index, INTS, "Lock");
        this.ia = ia;
        this.index = index;
    }

    /** Sets the lock word at {@code index} to free. Only while no agent uses the lock. */
    public static void initialize(Int32Array ia, int index) {
        checkSharedSlot(ia, index, INTS, "Lock");
        Atomics.store(ia, index, UNLOCKED);
    }

    /**
     * Acquires the lock, waiting as long as it takes.
     *
     * @throws IllegalStateException if the lock is held and the current {@link Agent} may not
     *     block: use {@link #lockAsync()}. As with {@code lock.js} in a browser's main thread, a free
     *     lock is taken by any agent; the refusal comes when the agent would have to wait (the
     *     word is left as it was).
     */
    public void lock() {
        int c = (int) Atomics.compareExchange(ia, index, UNLOCKED, LOCKED);
        if (c == UNLOCKED) {
            return;
        }
        // checked here, off the uncontended path: a ThreadLocal look-up is a measurable part of it
        Agent.requireCurrentCanBlock("Lock.lock", "Lock.lockAsync or Lock.tryLock");
        do {
            // Announce a waiter (1 -> 2) before sleeping, so that the unlocker knows to notify.
            if (c == CONTENDED || Atomics.compareExchange(ia, index, LOCKED, CONTENDED) != UNLOCKED) {
                Atomics.wait(ia, index, CONTENDED);
            }
            // Take the lock as CONTENDED: other waiters may still be asleep behind us.
        } while ((c = (int) Atomics.compareExchange(ia, index, UNLOCKED, CONTENDED)) != UNLOCKED);
    }

    /** Acquires the lock if it is free; never waits, so every agent may call it. */
    public boolean tryLock() {
        return Atomics.compareExchange(ia, index, UNLOCKED, LOCKED) == UNLOCKED;
    }

    /**
     * Acquires the lock without blocking: the returned stage completes once the lock is held by
     * the caller's side (already complete when it was free). For agents that may not block.
     *
     * <p>The same algorithm as {@link #lock()}, with {@link Atomics#waitAsync} in place of
     * {@code wait}. When the lock was contended, the stage completes on the thread whose
     * {@link #unlock()} released it, inside that call (see {@link Atomics#waitAsync(Int32Array,
     * int, int, double)}); continue with an executor of your own ({@code thenRunAsync(r, loop)})
     * to resume elsewhere. The stage never completes exceptionally.
     */
    public CompletionStage<Void> lockAsync() {
        int c = (int) Atomics.compareExchange(ia, index, UNLOCKED, LOCKED);
        if (c == UNLOCKED) {
            return ACQUIRED;
        }
        CompletableFuture<Void> acquired = new CompletableFuture<>();
        contendAsync(c, acquired);
        return acquired.minimalCompletionStage();
    }

    /** The loop of {@link #lock()}, suspended at each wait instead of blocking. */
    private void contendAsync(int c, CompletableFuture<Void> acquired) {
        while (true) {
            if (c == CONTENDED || Atomics.compareExchange(ia, index, LOCKED, CONTENDED) != UNLOCKED) {
                WaitAsyncResult waited = Atomics.waitAsync(ia, index, CONTENDED);
                if (waited.async()) {
                    waited.promise().thenRun(() -> retryAsync(acquired));
                    return;
                }
            }
            c = (int) Atomics.compareExchange(ia, index, UNLOCKED, CONTENDED);
            if (c == UNLOCKED) {
                acquired.complete(null);
                return;
            }
        }
    }

    private void retryAsync(CompletableFuture<Void> acquired) {
        int c = (int) Atomics.compareExchange(ia, index, UNLOCKED, CONTENDED);
        if (c == UNLOCKED) {
            acquired.complete(null);
        } else {
            contendAsync(c, acquired);
        }
    }

    /**
     * Releases the lock, waking one waiter if there may be any.
     *
     * @throws IllegalStateException if the lock is not held; the word is left as it was
     */
    public void unlock() {
        int v0 = (int) Atomics.sub(ia, index, 1);
        if (v0 == LOCKED) {
            return; // 1 -> 0: nobody was waiting
        }
        if (v0 == CONTENDED) {
            // 2 -> 1 is not a state we keep: free the lock, then wake one sleeper, which retakes it as 2
            Atomics.store(ia, index, UNLOCKED);
            Atomics.notify(ia, index, 1);
            return;
        }
        Atomics.add(ia, index, 1); // undo: the lock was not held
        throw new IllegalStateException("unlock of a Lock that is not held (lock word " + v0 + " at index " + index + ")");
    }

    @Override
    public String toString() {
        return "Lock[index=" + index + ", word=" + Atomics.load(ia, index) + "]";
    }

    /** The checks every shared primitive makes on its slot of {@code ints} elements. */
    static void checkSharedSlot(Int32Array ia, int index, int ints, String primitive) {
        Objects.requireNonNull(ia, "ia");
        if (!ia.buffer.shared()) {
            throw new IllegalArgumentException(primitive + " needs an Int32Array over a SharedArrayBuffer");
        }
        Objects.checkFromIndexSize(index, ints, ia.length());
    }
}
