package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Watchdog;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * One async function in flight: a virtual thread whose only carrier is the loop thread (see
 * {@link Coroutines}), the promise its body settles, and the state of the await it is suspended in.
 *
 * <p>Fields are touched only on the loop thread: by the coroutine itself while mounted, and by the
 * loop's microtask jobs while it is not (mounting and unmounting order the two, as a method call
 * would).
 */
final class Coroutine implements Runnable, Watchdog.Described {
    final EventLoop loop;
    private final Callable<?> body;
    final Promise<Object> promise;
    Thread thread;
    Runnable cont;           // the virtual thread's continuation task, captured on first submission
    boolean done;
    boolean suspendedByLoop; // parked in await (ours), not in some blocking call (which blocks the loop)
    Coroutine handoff;       // a child it started and waits for, JavaScript's synchronous start of an async call
    private Reaction awaiting;
    private boolean resumed;
    private Object resumeValue;
    private boolean resumeRejected;

    @SuppressWarnings("unchecked")
    Coroutine(EventLoop loop, Callable<?> body) {
        this.loop = loop;
        this.body = body;
        this.promise = (Promise<Object>) (Promise<?>) new Promise<>(loop);
    }

    /** The virtual thread's body: the async function, then the settling of its promise. */
    @Override
    public void run() {
        EventLoop.bindCoroutine(loop);
        Object value = null;
        Throwable failure = null;
        try {
            value = body.call();
        } catch (Throwable t) {
            failure = t;
        }
        if (failure == null) {
            promise.fulfillNow(value);
        } else {
            promise.rejectNow(failure);
        }
        done = true;
    }

    /**
     * JavaScript's {@code await p}: subscribes to {@code p} without a derived promise (V8's await)
     * and parks until the reaction job resumes this coroutine, one microtask turn after {@code p}
     * settles. Called only on this coroutine's thread.
     *
     * @throws InterruptedException if the task is cancelled while it waits
     */
    Object await(Promise<?> p) throws Exception {
        resumed = false;
        Reaction r = new Reaction(Reaction.AWAIT, this, null, null);
        awaiting = r;
        p.performThen(r);
        suspendedByLoop = true;
        try {
            while (!resumed) {
                LockSupport.park(this);
                loop.coroutines.announce(this);
                if (!resumed && Thread.interrupted()) {
                    awaiting = null; // a later settlement must not resume us
                    throw new InterruptedException("await interrupted");
                }
            }
        } finally {
            suspendedByLoop = false;
        }
        Object v = resumeValue;
        resumeValue = null;
        if (resumeRejected) {
            throw Promise.<Exception>sneakyThrow((Throwable) v);
        }
        return v;
    }

    /** The await reaction's job, on the loop thread: resume the coroutine inside this microtask. */
    void resumeFromAwait(Reaction r, Object argument, boolean rejected) {
        if (awaiting != r || done) {
            return; // an await abandoned by an interrupt
        }
        awaiting = null;
        resumed = true;
        resumeValue = argument;
        resumeRejected = rejected;
        loop.coroutines.resumeInline(this);
    }

    /** Parks until the loop has run the child and {@link #endHandoff()}: the parent's side of starting a child. */
    void suspendForHandoff(Coroutine child) {
        resumed = false;
        handoff = child;
        suspendedByLoop = true;
        try {
            while (!resumed) {
                LockSupport.park(this);
                loop.coroutines.announce(this);
            }
        } finally {
            suspendedByLoop = false;
        }
    }

    /** The child stopped: the parent's park in {@link #suspendForHandoff} ends once it is unparked. */
    void endHandoff() {
        resumed = true;
    }

    @Override
    public String describe() {
        return "coroutine " + Watchdog.describe(body);
    }
}
