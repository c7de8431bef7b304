package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvPhaseHandle;

/**
 * Node's setImmediate machinery ({@code lib/internal/timers.js} {@code processImmediate} and
 * {@code src/env.cc} {@code CheckImmediate}): a linked queue of immediates, run from a check
 * handle in the check phase. The whole queue is detached before it runs, so an immediate queued by
 * an immediate runs in the next iteration; ticks and microtasks drain between immediates. While a
 * ref'd immediate is pending an idle handle is started, which keeps the loop alive and makes the
 * poll phase return at once (ToggleImmediateRef).
 *
 * <p>Called only on the loop thread.
 */
final class ImmediateQueue {
    private final EventLoop loop;
    private final UvPhaseHandle check; // Node's immediate_check_handle: always started, unref'd
    private final UvPhaseHandle idle;  // Node's immediate_idle_handle: started while ref'd immediates are pending
    private Immediate head;
    private Immediate tail;
    private int count;
    private int refCount;
    private Immediate outstanding;  // the rest of a batch an exception interrupted (Node's outstandingQueue)
    private boolean hasOutstanding; // Node's immediateInfo[kHasOutstanding]

    ImmediateQueue(EventLoop loop) {
        this.loop = loop;
        this.check = new UvPhaseHandle(loop.uv, UvPhaseHandle.Kind.CHECK, this::checkImmediate);
        this.check.start();
        this.check.unref();
        this.idle = new UvPhaseHandle(loop.uv, UvPhaseHandle.Kind.IDLE, () -> { });
    }

    Immediate add(Runnable callback) {
        Immediate im = new Immediate(loop, callback);
        im.refed = true;
        incRef();
        count++;
        if (tail == null) {
            head = im;
        } else {
            tail.idleNext = im;
            im.idlePrev = tail;
        }
        tail = im;
        return im;
    }

    /** Node's clearImmediate. */
    void clear(Immediate im) {
        if (im == null || im.destroyed) {
            return;
        }
        count--;
        im.destroyed = true;
        if (im.refed) {
            im.refed = false;
            decRef();
        }
        im.onImmediate = null;
        if (im.idleNext != null) {
            im.idleNext.idlePrev = im.idlePrev;
        }
        if (im.idlePrev != null) {
            im.idlePrev.idleNext = im.idleNext;
        }
        if (im == head) {
            head = im.idleNext;
        }
        if (im == tail) {
            tail = im.idlePrev;
        }
        // the links stay as they are: processImmediate may be standing on this immediate and step over it
    }

    void incRef() {
        if (refCount++ == 0) {
            idle.start();
        }
    }

    void decRef() {
        if (--refCount == 0) {
            idle.stop();
        }
    }

    /**
     * CheckImmediate: the check handle's callback. An immediate that throws is reported; the rest of
     * its batch runs in another pass (Node's outstanding queue), with no drain right after the throw.
     */
    private void checkImmediate() {
        if (count == 0) {
            return;
        }
        do {
            boolean failed = false;
            try {
                processImmediate();
            } catch (CallbackScope.LoopAbort abort) {
                throw abort;
            } catch (Throwable t) {
                failed = true;
                loop.scope.uncaught(t);
            }
            if (!failed) {
                loop.scope.drainReporting(); // the MakeCallback scope closes
            }
        } while (hasOutstanding);
        if (refCount == 0) {
            idle.stop();
        }
    }

    /** Node's processImmediate. */
    private void processImmediate() {
        Immediate immediate;
        if (outstanding != null) {
            immediate = outstanding;
        } else {
            immediate = head;
            head = null; // immediates queued from here on wait for the next iteration
            tail = null;
            hasOutstanding = true;
        }
        Immediate prev = null;
        boolean ranAtLeastOne = false;
        while (immediate != null) {
            if (ranAtLeastOne) {
                loop.queues.drain(); // runNextTicks()
            } else {
                ranAtLeastOne = true;
            }
            if (immediate.destroyed) { // cleared by a tick or microtask that just ran: step over it
                immediate = prev != null ? prev.idleNext : immediate.idleNext;
                outstanding = immediate;
                continue;
            }
            immediate.destroyed = true;
            count--;
            if (immediate.refed) {
                immediate.refed = false;
                refCount--; // Node toggles the idle handle only once the batch is done
            }
            Runnable cb = immediate.onImmediate;
            immediate.onImmediate = null;
            prev = immediate;
            try {
                loop.scope.runCallback(Phase.CHECK, cb, immediate);
            } finally {
                outstanding = immediate = immediate.idleNext;
            }
        }
        outstanding = null;
        hasOutstanding = false;
    }

    int pending() {
        return count;
    }
}
