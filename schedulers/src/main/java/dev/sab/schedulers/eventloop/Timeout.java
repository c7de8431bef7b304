package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Watchdog;

/**
 * What {@link EventLoop#setTimeout} and {@link EventLoop#setInterval} return: Node's
 * {@code Timeout} object, which is also the node of its duration's linked list (see
 * {@link TimerLists}), so a pending timer costs one object of a few dozen bytes.
 *
 * <p>Called only on its loop's thread.
 */
public final class Timeout implements Watchdog.Described {
    /** Node: TIMEOUT_MAX = 2^31 - 1 ms; a longer (or shorter than 1 ms, or negative) delay becomes 1 ms. */
    public static final long TIMEOUT_MAX = Integer.MAX_VALUE;

    final EventLoop loop;
    Runnable onTimeout;
    int idleTimeout;  // ms; -1 once cleared (Node's _idleTimeout)
    long idleStart;   // loop time when (re)inserted (Node's _idleStart)
    int repeat;       // ms between runs of an interval; 0 for a one-shot (Node's _repeat)
    TimerLists.TimersList list; // the list it is in, or null (Node's _idlePrev/_idleNext being set)
    Timeout idlePrev;           // the list links (Node's _idlePrev / _idleNext)
    Timeout idleNext;
    boolean refed;
    boolean destroyed;

    Timeout(EventLoop loop, Runnable callback, long after, boolean isRepeat, boolean isRefed) {
        if (!(after >= 1 && after <= TIMEOUT_MAX)) {
            after = 1; // Node: "Schedule on next tick, follows browser behavior"
        }
        this.loop = loop;
        this.onTimeout = callback;
        this.idleTimeout = (int) after;
        this.repeat = isRepeat ? (int) after : 0;
        this.refed = isRefed;
        if (isRefed) {
            loop.timers.incRefCount();
        }
    }

    /** {@code timeout.unref()}: the loop may exit while this timer is pending. */
    public Timeout unref() {
        loop.checkThread("Timeout.unref");
        if (refed) {
            refed = false;
            if (!destroyed) {
                loop.timers.decRefCount();
            }
        }
        return this;
    }

    /** {@code timeout.ref()}: the pending timer keeps the loop alive again. */
    public Timeout ref() {
        loop.checkThread("Timeout.ref");
        if (!refed) {
            refed = true;
            if (!destroyed) {
                loop.timers.incRefCount();
            }
        }
        return this;
    }

    /** {@code timeout.hasRef()}. */
    public boolean hasRef() {
        return refed;
    }

    /** {@code timeout.refresh()}: restarts the countdown from now, keeping the callback and delay. */
    public Timeout refresh() {
        loop.checkThread("Timeout.refresh");
        if (idleTimeout >= 0) {
            loop.timers.insertGuarded(this, refed);
        }
        return this;
    }

    /** {@code timeout.close()}: the same as clearTimeout. */
    public void close() {
        loop.clearTimeout(this);
    }

    @Override
    public String describe() {
        return (repeat > 0 ? "setInterval " : "setTimeout ") + "callback " + Watchdog.describe(onTimeout);
    }

    @Override
    public String toString() {
        return "Timeout { " + (repeat > 0 ? "interval " : "") + idleTimeout + " ms" + (refed ? "" : ", unref'd")
                + (destroyed ? ", done" : "") + " }";
    }
}
