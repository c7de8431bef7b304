package dev.sab.core.internal;

import dev.sab.core.WaitAsyncResult;
import dev.sab.core.WaitResult;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Wait and notify for a buffer only this JVM can see: the specification's algorithm, one
 * {@link WaiterList} per byte index that has waiters.
 *
 * <p>The wait side enters the list's critical section, reads the element there (volatile), and
 * either returns {@code not-equal} or links itself in; the notify side writes the element first
 * (its own {@code Atomics.store} or read-modify-write) and then enters the same critical section.
 * Whichever of the two critical sections runs first, the waiter cannot miss the notify: either it
 * reads the new value, or it is linked before the notifier looks.
 *
 * <p>Suspended waiters park with {@link LockSupport}, so a virtual thread unmounts from its
 * carrier while it waits; a platform thread sleeps in the kernel. Async waiters hold a promise:
 * a notify completes it with OK on the notifier's thread, right after the notifier leaves the
 * critical section; a timeout completes it with TIMED_OUT on the {@link AsyncTimeouts} thread.
 *
 * <p>Thread-safe.
 */
public final class InProcessWaits implements Waits {

    /** Byte index → the waiters there. Holds only lists that are not retired (see {@link WaiterList}). */
    private final ConcurrentHashMap<Long, WaiterList> lists = new ConcurrentHashMap<>();

    @Override
    public WaitResult await(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos) {
        Waiter waiter = Waiter.suspended();
        WaitResult early = enqueue(memory, offset, wide, expected, timeoutNanos, waiter);
        if (early != null) {
            return early;
        }
        WaiterList list = waiter.home;
        long deadline = System.nanoTime() + timeoutNanos; // differences stay exact: timeouts are below 2^62
        boolean interrupted = false;
        WaitResult result = WaitResult.OK;
        // volatile read: pairs with the notifier's volatile write in WaiterList.removeFirst
        while (!waiter.notified) {
            if (timeoutNanos == FOREVER) {
                LockSupport.park(list);
            } else {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    if (removeTimedOut(waiter, offset)) {
                        result = WaitResult.TIMED_OUT;
                        break;
                    }
                    continue; // a notifier unlinked us first: notified is set, and the loop ends
                }
                LockSupport.parkNanos(list, remaining);
            }
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    @Override
    public WaitAsyncResult awaitAsync(MemorySegment memory, long offset, boolean wide, long expected,
            long timeoutNanos) {
        Waiter waiter = Waiter.async();
        WaitResult early = enqueue(memory, offset, wide, expected, timeoutNanos, waiter);
        if (early != null) {
            return new WaitAsyncResult(false, early, CompletableFuture.completedStage(early));
        }
        if (timeoutNanos != FOREVER) {
            Future<?> timeout = AsyncTimeouts.schedule(() -> {
                if (removeTimedOut(waiter, offset)) {
                    waiter.promise.complete(WaitResult.TIMED_OUT);
                }
            }, timeoutNanos);
            // volatile write then volatile read; the notifier writes notified then reads timeout
            // (Waiter.wake): at least one of the two sees the other and cancels the timeout.
            waiter.timeout = timeout;
            if (waiter.notified) {
                timeout.cancel(false);
            }
        }
        return new WaitAsyncResult(true, null, waiter.promise.minimalCompletionStage());
    }

    @Override
    public int notify(MemorySegment memory, long offset, int count) {
        WaiterList list = lists.get(offset);
        if (list == null || count <= 0) {
            return 0;
        }
        Waiter[] woken;
        synchronized (list) {
            if (list.retired()) {
                return 0;
            }
            woken = list.removeFirst(count);
            retireIfEmpty(list, offset);
        }
        if (woken == null) {
            return 0;
        }
        for (Waiter waiter : woken) {
            waiter.wake();
        }
        return woken.length;
    }

    @Override
    public String mechanism() {
        return "in-process";
    }

    /** How many byte indices have a live waiter list: 0 whenever nobody waits. For tests and diagnostics. */
    public int activeLists() {
        return lists.size();
    }

    /**
     * The first half of {@code DoWait}: inside the critical section, compare and link. Returns the
     * immediate result (not-equal, or timed-out for a zero timeout), or null when {@code waiter}
     * is now linked and {@code waiter.home} set.
     */
    private WaitResult enqueue(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos,
            Waiter waiter) {
        while (true) {
            WaiterList list = lists.computeIfAbsent(offset, key -> new WaiterList());
            synchronized (list) {
                if (list.retired()) {
                    continue; // retired between lookup and entry: fetch the current list
                }
                // volatile read inside the critical section: pairs with the notifier's write, which
                // precedes its entry into this same critical section
                long current = wide ? Memory.getLongVolatile(memory, offset) : Memory.getIntVolatile(memory, offset);
                if (current != expected) {
                    retireIfEmpty(list, offset);
                    return WaitResult.NOT_EQUAL;
                }
                if (timeoutNanos == 0) {
                    retireIfEmpty(list, offset);
                    return WaitResult.TIMED_OUT;
                }
                list.addLast(waiter);
                waiter.home = list;
                return null;
            }
        }
    }

    /** Unlinks a waiter whose timeout passed; false when a notifier unlinked it first. */
    private boolean removeTimedOut(Waiter waiter, long offset) {
        WaiterList list = waiter.home;
        synchronized (list) {
            if (!list.remove(waiter)) {
                return false;
            }
            retireIfEmpty(list, offset);
            return true;
        }
    }

    /** Called only inside {@code list}'s critical section. */
    private void retireIfEmpty(WaiterList list, long offset) {
        assert Thread.holdsLock(list);
        if (list.isEmpty()) {
            list.retire();
            lists.remove(offset, list);
        }
    }
}
