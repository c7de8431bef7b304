package dev.sab.core.internal;

import dev.sab.core.WaitAsyncResult;
import dev.sab.core.WaitResult;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Wait and notify with waiter lists in this JVM: the specification's algorithm, one
 * {@link WaiterList} per byte index that has waiters. Exact for a buffer only this JVM can see.
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
 * <p><b>Polling mode</b> ({@link #polling}) is the fallback for a memory-mapped buffer when the
 * futex is not available: another process's notify cannot reach this JVM's lists, so waiters also
 * watch the element. A suspended waiter spins {@value #POLL_SPINS} times, then sleeps in slices
 * that double from {@value #POLL_MIN_NANOS} ns to {@value #POLL_MAX_NANOS} ns, re-reading the
 * element after each; an async waiter's element is re-read every {@value #POLL_MAX_NANOS} ns on the
 * timer thread. A changed element ends the wait with {@code ok}, as the notify that usually
 * follows such a change would; a notify that does not change the element is seen only by waiters
 * in the notifying process, and {@code notify} counts only those.
 *
 * <p>Thread-safe.
 */
public final class InProcessWaits implements Waits {

    /** Spins before the first sleep in polling mode: a few microseconds of PAUSE on x86 (sab's choice). */
    static final int POLL_SPINS = 64;
    /** First sleep slice in polling mode, ns (sab's choice: about the cost of a park/unpark round trip). */
    static final long POLL_MIN_NANOS = 10_000;
    /** Longest sleep slice in polling mode, ns: bounds how late a remote change is seen (sab's choice). */
    static final long POLL_MAX_NANOS = 1_000_000;

    /**
     * Emptied lists stay in the table for reuse while it holds at most this many lists (sab's
     * choice): two agents that take turns waiting and notifying on one index then find their list
     * in place instead of inserting a new one into the table on every wait and removing it on
     * every notify, which was most of the cost of a wait/notify hand-off. Past this many, an
     * emptied list is retired at once, so the table stays as small as the set of indices being
     * waited on plus this many.
     */
    public static final int KEPT_EMPTY_LISTS = 64;

    /** Slots in the cache of recently used lists (sab's choice; a power of two). */
    public static final int RECENT_LISTS = 16;

    /** Byte index → the waiters there. Holds only lists that are not retired (see {@link WaiterList}). */
    private final ConcurrentHashMap<Long, WaiterList> lists = new ConcurrentHashMap<>();
    /**
     * The lists last looked up, by byte index modulo {@value #RECENT_LISTS} (in elements): a wait
     * or notify that finds its list here skips the table (a hash lookup and a boxed key, four
     * times per wait/notify round trip between two agents). Read and written without
     * synchronisation: an entry may be stale or missing, and is used only after its list's
     * critical section confirms that it is not retired, since a list that is not retired is the
     * table's list for its index (a new list is made only when the table has none, and a list
     * leaves the table only once retired). A retired entry sends the caller to the table.
     */
    private final WaiterList[] recent = new WaiterList[RECENT_LISTS];
    /** Whether waiters also watch the element for changes made by other processes. */
    private final boolean polling;
    private final String pollingReason;

    /** Exact waits for memory only this JVM can see. */
    public InProcessWaits() {
        this(false, "");
    }

    private InProcessWaits(boolean polling, String pollingReason) {
        this.polling = polling;
        this.pollingReason = pollingReason;
    }

    /** Waits that also poll the element, for shared memory without a futex; {@code reason} says why. */
    public static InProcessWaits polling(String reason) {
        return new InProcessWaits(true, reason);
    }

    @Override
    public WaitResult await(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos) {
        Waiter waiter = Waiter.suspended();
        WaitResult early = enqueue(memory, offset, wide, expected, timeoutNanos, waiter);
        if (early != null) {
            return early;
        }
        WaiterList list = waiter.home;
        // differences stay exact: timeouts are below 2^62; a wait forever reads no clock
        long deadline = timeoutNanos == FOREVER ? 0 : System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        WaitResult result = WaitResult.OK;
        int spins = POLL_SPINS;
        long slice = POLL_MIN_NANOS;
        // volatile read: pairs with the notifier's volatile write in WaiterList.removeFirst
        while (!waiter.notified) {
            long remaining = timeoutNanos == FOREVER ? FOREVER : deadline - System.nanoTime();
            if (remaining <= 0) {
                if (unlink(waiter, offset)) {
                    result = WaitResult.TIMED_OUT;
                    break;
                }
                continue; // a notifier unlinked us first: notified is set, and the loop ends
            }
            if (!polling) {
                if (remaining == FOREVER) {
                    LockSupport.park(list);
                } else {
                    LockSupport.parkNanos(list, remaining);
                }
            } else if (read(memory, offset, wide) != expected) {
                if (unlink(waiter, offset)) {
                    break; // changed by another process: ok
                }
            } else if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(list, Math.min(remaining, slice));
                slice = Math.min(2 * slice, POLL_MAX_NANOS);
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
                if (unlink(waiter, offset)) {
                    waiter.cancelTimers();
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
        if (polling) {
            Future<?> poll = AsyncTimeouts.repeat(() -> {
                if (read(memory, offset, wide) != expected && unlink(waiter, offset)) {
                    waiter.cancelTimers();
                    waiter.promise.complete(WaitResult.OK);
                }
            }, POLL_MAX_NANOS);
            waiter.poll = poll; // the same handshake with the notifier as for the timeout
            if (waiter.notified || waiter.promise.isDone()) {
                poll.cancel(false);
            }
        }
        return new WaitAsyncResult(true, null, waiter.promise.minimalCompletionStage());
    }

    @Override
    public int notify(MemorySegment memory, long offset, int count) {
        if (count <= 0) {
            return 0;
        }
        Waiter woken;
        WaiterList list = cached(offset);
        boolean fromTable = false;
        while (true) {
            if (list == null) {
                list = lists.get(offset);
                if (list == null) {
                    return 0;
                }
                remember(list);
                fromTable = true;
            }
            synchronized (list) {
                if (!list.retired()) {
                    woken = list.removeFirst(count);
                    retireIfEmpty(list, offset);
                    break;
                }
            }
            if (fromTable) {
                return 0; // retired after the lookup, empty: the notify takes effect at that moment
            }
            list = null; // a stale entry of the cache: the table may hold its successor
        }
        int n = 0;
        while (woken != null) {
            Waiter next = woken.nextWoken;
            woken.wake();
            woken = next;
            n++;
        }
        return n;
    }

    @Override
    public String mechanism() {
        return polling ? "polling" : "in-process";
    }

    /** Why polling is used (the futex's unavailability), or empty. */
    public String pollingReason() {
        return pollingReason;
    }

    /**
     * How many byte indices have waiters now: 0 whenever nobody waits. (Up to
     * {@value #KEPT_EMPTY_LISTS} emptied lists may stay in the table for reuse; they are not
     * counted.) For tests and diagnostics: it enters every list's critical section.
     */
    public int activeLists() {
        int n = 0;
        for (WaiterList list : lists.values()) {
            synchronized (list) {
                if (!list.retired() && !list.isEmpty()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many lists the table holds, emptied ones kept for reuse included. For tests. */
    public int tableSize() {
        return lists.size();
    }

    /**
     * The first half of {@code DoWait}: inside the critical section, compare and link. Returns the
     * immediate result (not-equal, or timed-out for a zero timeout), or null when {@code waiter}
     * is now linked and {@code waiter.home} set.
     */
    private WaitResult enqueue(MemorySegment memory, long offset, boolean wide, long expected, long timeoutNanos,
            Waiter waiter) {
        WaiterList list = cached(offset);
        while (true) {
            if (list == null) {
                list = lists.computeIfAbsent(offset, WaiterList::new);
                remember(list);
            }
            synchronized (list) {
                if (list.retired()) {
                    list = null; // retired before entry: fetch the current list from the table
                    continue;
                }
                // volatile read inside the critical section: pairs with the notifier's write, which
                // precedes its entry into this same critical section
                if (read(memory, offset, wide) != expected) {
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

    /**
     * Unlinks a waiter whose wait ends without a local notify (a timeout, or in polling mode a
     * changed element); false when a notifier or the other ending unlinked it first.
     */
    private boolean unlink(Waiter waiter, long offset) {
        WaiterList list = waiter.home;
        synchronized (list) {
            if (!list.remove(waiter)) {
                return false;
            }
            retireIfEmpty(list, offset);
            return true;
        }
    }

    /** The list for {@code offset} in the cache of recent lists, or null; it may be retired. */
    WaiterList cached(long offset) {
        WaiterList list = recent[slot(offset)];
        return list != null && list.offset == offset ? list : null;
    }

    void remember(WaiterList list) {
        recent[slot(list.offset)] = list;
    }

    private static int slot(long offset) {
        return (int) (offset >>> 2) & (RECENT_LISTS - 1);
    }

    private static long read(MemorySegment memory, long offset, boolean wide) {
        return wide ? Memory.getLongVolatile(memory, offset) : Memory.getIntVolatile(memory, offset);
    }

    /**
     * Retires {@code list} if it is empty and the table holds more than
     * {@value #KEPT_EMPTY_LISTS} lists. Called only inside {@code list}'s critical section.
     */
    private void retireIfEmpty(WaiterList list, long offset) {
        assert Thread.holdsLock(list);
        if (list.isEmpty() && lists.mappingCount() > KEPT_EMPTY_LISTS) {
            list.retire();
            lists.remove(offset, list);
        }
    }
}
