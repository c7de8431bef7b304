package dev.sab.core.internal;

import dev.sab.core.WaitResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The specification's Waiter Record: one agent waiting in a {@link WaiterList}, either suspended
 * (a thread parked in {@code Atomics.wait}) or asynchronous (a promise from {@code waitAsync}).
 *
 * <p>Lifecycle: created by the waiting agent, linked into one list inside the list's critical
 * section, and unlinked exactly once, inside the same critical section, by whichever comes first:
 * a notifier (which sets {@link #notified}) or the waiter's own timeout. What happens after the
 * unlink (unparking the thread, completing the promise) is done outside the critical section.
 */
public final class Waiter {

    /** The parked thread of a synchronous waiter; null for an async one. */
    final Thread thread;
    /** The promise of an async waiter; null for a synchronous one. Completed once, never exceptionally. */
    final CompletableFuture<WaitResult> promise;

    /**
     * Set (volatile write) by the notifier inside the critical section, after unlinking; read
     * (volatile) by the parked thread to tell a notify from a spurious or timed-out unpark.
     */
    volatile boolean notified;

    /**
     * The next of the waiters one notify unlinked, in the order they were linked; written and read
     * only by that notifier (an unlinked waiter is in no list, so no critical section guards it).
     */
    Waiter nextWoken;

    /** The pending timeout of an async waiter; cancelled by the notifier. Written once, after linking. */
    volatile Future<?> timeout;
    /** The periodic value check of an async waiter on a polled buffer; written once, after linking. */
    volatile Future<?> poll;

    // Links, guarded by the critical section of the list this waiter is in.
    Waiter previous;
    Waiter next;
    /** The list this waiter is linked into, or null once unlinked. Guarded by that list's critical section. */
    WaiterList list;
    /**
     * The list this waiter was linked into; set once, by the waiting agent inside the critical
     * section, before anyone else can see the waiter, and never cleared.
     */
    WaiterList home;

    private Waiter(Thread thread, CompletableFuture<WaitResult> promise) {
        this.thread = thread;
        this.promise = promise;
    }

    /** A waiter for the calling thread, which will park. */
    static Waiter suspended() {
        return new Waiter(Thread.currentThread(), null);
    }

    /** A waiter whose promise completes when it is notified or times out. */
    static Waiter async() {
        return new Waiter(null, new CompletableFuture<>());
    }

    boolean isAsync() {
        return promise != null;
    }

    /**
     * Tells the waiter it was notified; called outside the critical section, after the notifier
     * unlinked it and set {@link #notified}. Unparks the thread, or cancels the timeout and
     * completes the promise with OK on the calling (notifier's) thread.
     */
    void wake() {
        if (promise == null) {
            LockSupport.unpark(thread);
            return;
        }
        cancelTimers();
        promise.complete(WaitResult.OK);
    }

    /** Cancels the timeout and the poll of an async waiter, whichever are pending. */
    void cancelTimers() {
        Future<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
        pending = poll;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
