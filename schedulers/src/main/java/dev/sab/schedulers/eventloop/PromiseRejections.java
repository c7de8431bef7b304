package dev.sab.schedulers.eventloop;

import java.util.ArrayList;
import java.util.List;

/**
 * Unhandled-rejection tracking as V8's {@code HostPromiseRejectionTracker} feeds Node's
 * {@code processPromiseRejections} ({@code lib/internal/process/promises.js}): a promise rejected
 * with no handler becomes pending; a handler attached before the next drain finishes takes it off
 * the list; whatever is still unhandled when the microtask queue has drained is reported, in the
 * order the rejections happened.
 *
 * <p>Called only on the loop thread.
 */
final class PromiseRejections {
    private final EventLoop loop;
    private final List<Promise<?>> pending = new ArrayList<>();

    PromiseRejections(EventLoop loop) {
        this.loop = loop;
    }

    /** The tracker's "reject" operation: {@code p} was rejected and has no handler. */
    void rejectedWithoutHandler(Promise<?> p) {
        pending.add(p);
    }

    /** The tracker's "handle" operation: a handler was attached to the rejected {@code p}. */
    void handlerAdded(Promise<?> p) {
        if (!p.rejectionReported()) {
            pending.remove(p); // not yet reported: it never will be
        }
        // Node emits 'rejectionHandled' for one already reported; sab has no listener for it.
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Reports every rejection still unhandled. Returns whether it reported any (a handler may have
     * queued ticks or microtasks, so the drain goes round again).
     */
    boolean process() {
        if (pending.isEmpty()) {
            return false;
        }
        List<Promise<?>> now = new ArrayList<>(pending);
        pending.clear();
        boolean reported = false;
        for (Promise<?> p : now) {
            if (p.isHandled()) {
                continue;
            }
            p.markRejectionReported();
            reported = true;
            loop.scope.unhandledRejection(p.reasonNow(), p);
        }
        return reported;
    }
}
