package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Watchdog;

/**
 * What {@link EventLoop#setImmediate} returns: Node's {@code Immediate}, a node of the immediate
 * queue. Ref'd by default: a pending ref'd immediate keeps the loop alive and stops the poll phase
 * from blocking.
 *
 * <p>Called only on its loop's thread.
 */
public final class Immediate implements Watchdog.Described {
    final EventLoop loop;
    Runnable onImmediate;
    Immediate idlePrev;
    Immediate idleNext;
    boolean refed;
    boolean destroyed;

    Immediate(EventLoop loop, Runnable callback) {
        this.loop = loop;
        this.onImmediate = callback;
    }

    /** {@code immediate.ref()}. */
    public Immediate ref() {
        loop.checkThread("Immediate.ref");
        if (!refed && !destroyed) {
            refed = true;
            loop.immediates.incRef();
        }
        return this;
    }

    /** {@code immediate.unref()}: a pending unref'd immediate neither keeps the loop alive nor stops it blocking. */
    public Immediate unref() {
        loop.checkThread("Immediate.unref");
        if (refed) {
            refed = false;
            loop.immediates.decRef();
        }
        return this;
    }

    public boolean hasRef() {
        return refed;
    }

    @Override
    public String describe() {
        return "setImmediate callback " + Watchdog.describe(onImmediate);
    }

    @Override
    public String toString() {
        return "Immediate { " + (destroyed ? "done" : "pending") + (refed ? "" : ", unref'd") + " }";
    }
}
