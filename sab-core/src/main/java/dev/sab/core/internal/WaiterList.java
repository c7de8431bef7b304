package dev.sab.core.internal;

/**
 * The specification's WaiterList: the agents waiting on one (buffer, byte index), first in first
 * out, synchronous and asynchronous waiters in one list, guarded by the list's own critical
 * section, which is this object's monitor.
 *
 * <p>A list is <em>retired</em> when it is empty at the end of a critical section and its
 * buffer's table is larger than {@link InProcessWaits#KEPT_EMPTY_LISTS} (smaller tables keep
 * emptied lists for reuse): it is removed from the table and marks itself so that any agent that
 * looked it up before the removal and then entered its critical section goes back to the table for
 * a fresh list. This keeps the table as small as the set of addresses being waited on, plus a
 * few. A notifier that finds a retired list
 * wakes nobody, which is linearisable: the notify takes effect at the moment of retirement, when
 * the list was empty.
 *
 * <p>Monitors are a fine critical section on JDK 25: a virtual thread that blocks entering one
 * unmounts from its carrier (JEP 491), and the sections here are a few field writes long.
 */
final class WaiterList {

    /** The byte index whose waiters this list holds. */
    final long offset;
    private Waiter head;
    private Waiter tail;
    private boolean retired;

    WaiterList(long offset) {
        this.offset = offset;
    }

    /** Called only inside this list's critical section. */
    boolean retired() {
        assert Thread.holdsLock(this);
        return retired;
    }

    /** Called only inside this list's critical section, on a list that is not retired. */
    void retire() {
        assert Thread.holdsLock(this) && head == null && !retired;
        retired = true;
    }

    /** Called only inside this list's critical section. */
    boolean isEmpty() {
        assert Thread.holdsLock(this);
        return head == null;
    }

    /** Appends {@code waiter}. Called only inside this list's critical section. */
    void addLast(Waiter waiter) {
        assert Thread.holdsLock(this) && !retired && waiter.list == null;
        waiter.list = this;
        waiter.previous = tail;
        waiter.next = null;
        if (tail == null) {
            head = waiter;
        } else {
            tail.next = waiter;
        }
        tail = waiter;
    }

    /**
     * Unlinks {@code waiter} if it is still here (a timeout racing a notify finds it gone) and
     * says whether it was. Called only inside this list's critical section.
     */
    boolean remove(Waiter waiter) {
        assert Thread.holdsLock(this);
        if (waiter.list != this) {
            return false;
        }
        if (waiter.previous == null) {
            head = waiter.next;
        } else {
            waiter.previous.next = waiter.next;
        }
        if (waiter.next == null) {
            tail = waiter.previous;
        } else {
            waiter.next.previous = waiter.previous;
        }
        waiter.previous = null;
        waiter.next = null;
        waiter.list = null;
        return true;
    }

    /**
     * Unlinks up to {@code count} waiters from the front, marks each notified, and returns the
     * first of them, the rest chained through {@link Waiter#nextWoken} in order (or null when
     * there were none); the caller wakes them after leaving the critical section. Called only
     * inside this list's critical section.
     */
    Waiter removeFirst(int count) {
        assert Thread.holdsLock(this);
        Waiter first = null;
        Waiter last = null;
        for (int n = 0; n < count && head != null; n++) {
            Waiter w = head;
            remove(w);
            // volatile write: the parked thread's volatile read of notified pairs with it
            w.notified = true;
            w.nextWoken = null;
            if (last == null) {
                first = w;
            } else {
                last.nextWoken = w;
            }
            last = w;
        }
        return first;
    }
}
