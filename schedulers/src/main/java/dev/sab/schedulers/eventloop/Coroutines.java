package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.internal.CustomVirtualThreads;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Coroutines on the loop thread: async functions written in blocking style, as virtual threads
 * whose scheduler is this object and whose only carrier is the loop thread (DESIGN.md). The JDK
 * hands the scheduler a virtual thread's continuation whenever the thread becomes runnable; where
 * that happens decides what it means in JavaScript terms:
 *
 * <ul>
 *   <li><b>started or resumed by the loop itself</b> (an await's reaction job, a callback starting an
 *       async function): the continuation runs at once, inside that job or callback, which is what
 *       "the task resumes as a microtask" means;</li>
 *   <li><b>woken by another coroutine</b> (a blocking primitive between two coroutines): queued as a
 *       microtask, as a promise resolution would be;</li>
 *   <li><b>woken by another thread</b>: posted to the loop thread-safely (an async handle's send,
 *       libuv's {@code uv_async_send}), and run as a callback in the poll phase.</li>
 * </ul>
 *
 * <h2>Blocking is real</h2>
 * A coroutine that parks anywhere but in {@link Coroutine#await} (a {@code Thread.sleep}, a lock, a
 * blocking queue, {@code Atomics.wait} on an agent that may block) blocks the loop, as any blocking
 * call blocks a JavaScript thread: after the continuation returns, the dispatcher sees that the
 * coroutine did not suspend through the loop and waits, on the loop thread, for exactly that
 * coroutine to be resubmitted, then runs it. Nothing else runs meanwhile.
 *
 * <h2>Calling an async function</h2>
 * JavaScript runs an async function synchronously up to its first await. {@link #start} does the
 * same: from a callback the new coroutine runs at once; from inside another coroutine the parent
 * hands the loop to the child and resumes when the child first suspends.
 *
 * <p>Called only on the loop thread, except {@link #execute} (any thread).
 */
final class Coroutines implements Executor {
    private static final Object RESUBMITTED = new Object();

    private final EventLoop loop;
    private Thread.Builder.OfVirtual builder;
    private final Map<Runnable, Coroutine> byCont = new IdentityHashMap<>();
    // The next three are the loop thread's own. execute() reads them from other threads too, but only to
    // compare a foreign caller with a coroutine's thread, which a stale value cannot make equal.
    private Coroutine current;      // mounted now
    private Coroutine inlineTarget; // the coroutine whose submission should run at once
    private Coroutine starting;     // the coroutine whose first submission is being captured
    // Foreign resubmissions of the coroutine being run: holds its continuation while it runs and until
    // the dispatcher has seen how it stopped; a foreign thread swaps in RESUBMITTED (CAS, pairs with the
    // loop's CAS back to null or its wait for RESUBMITTED in afterRun).
    private final AtomicReference<Object> runningSlot = new AtomicReference<>();

    Coroutines(EventLoop loop) {
        this.loop = loop;
    }

    /** Starts an async function; returns its promise. Called only on the loop thread or a coroutine on it. */
    <T> Promise<T> start(Callable<T> body) {
        if (builder == null) {
            builder = CustomVirtualThreads.builder(this).name(loop.name() + "-coroutine-", 0);
        }
        Coroutine co = new Coroutine(loop, body);
        co.thread = builder.unstarted(co);
        Coroutine parent = current;
        if (parent != null && Thread.currentThread() == parent.thread) {
            starting = co;
            co.thread.start(); // our execute() captures the continuation; it runs once the parent has parked
            starting = null;
            parent.suspendForHandoff(co);
        } else {
            starting = co;
            inlineTarget = co;
            co.thread.start(); // our execute() captures the continuation and runs it now
            starting = null;
            inlineTarget = null;
        }
        @SuppressWarnings("unchecked")
        Promise<T> p = (Promise<T>) (Promise<?>) co.promise;
        return p;
    }

    /** The current coroutine, if the caller is one on this loop. */
    Coroutine currentIfCaller() {
        Coroutine c = current;
        return c != null && Thread.currentThread() == c.thread ? c : null;
    }

    /** A coroutine tells the loop it is running again (after a park that returned in our code). */
    void announce(Coroutine co) {
        current = co;
        loop.uv.mountedCoroutine(co.thread);
    }

    /** Resumes {@code co} inside the current job or callback. Called only on the loop thread, outside coroutines. */
    void resumeInline(Coroutine co) {
        inlineTarget = co;
        LockSupport.unpark(co.thread); // the JDK submits the continuation to execute(), which runs it
        inlineTarget = null;
    }

    @Override
    public void execute(Runnable cont) {
        Thread t = Thread.currentThread();
        Coroutine s = starting;
        if (s != null && s.cont == null && (t == loop.uv.thread() || (current != null && t == current.thread))) {
            s.cont = cont;
            byCont.put(cont, s);
            if (inlineTarget == s) {
                inlineTarget = null;
                run(s);
            }
            return;
        }
        if (t == loop.uv.thread()) {
            Coroutine target = inlineTarget;
            if (target != null && target.cont == cont) {
                inlineTarget = null;
                run(target);
                return;
            }
            if (runningSlot.compareAndSet(cont, RESUBMITTED)) {
                return; // Thread.yield or a raced unpark of the coroutine just run: afterRun picks it up
            }
            loop.queues.enqueueMicrotask(() -> runByCont(cont));
            return;
        }
        if (current != null && t == current.thread) {
            loop.queues.enqueueMicrotask(() -> runByCont(cont)); // one coroutine woke another
            return;
        }
        if (runningSlot.compareAndSet(cont, RESUBMITTED)) {
            LockSupport.unpark(loop.uv.thread()); // the loop is blocked on this very coroutine
            return;
        }
        loop.postFromAnyThread(() -> runByCont(cont));
    }

    private void runByCont(Runnable cont) {
        Coroutine co = byCont.get(cont);
        if (co == null) {
            cont.run(); // already finished: the JDK ignores a continuation that is not runnable
            return;
        }
        run(co);
    }

    /** Runs {@code co} until it stops, then deals with how it stopped. */
    private void run(Coroutine co) {
        Coroutine outer = current;
        mount(co);
        co.cont.run();
        unmount(outer);
        afterRun(co, outer);
    }

    private void mount(Coroutine co) {
        current = co;
        loop.uv.mountedCoroutine(co.thread);
        runningSlot.set(co.cont); // volatile: foreign resubmissions of co now come to us
    }

    private void unmount(Coroutine outer) {
        current = outer;
        loop.uv.mountedCoroutine(outer == null ? null : outer.thread);
    }

    private void afterRun(Coroutine co, Coroutine outer) {
        while (true) {
            if (co.done) {
                runningSlot.set(null);
                byCont.remove(co.cont);
                return;
            }
            if (co.handoff != null) {
                Coroutine child = co.handoff;
                co.handoff = null;
                runningSlot.set(null);
                run(child);
                // the child stopped: the parent goes on at once, and here, in this loop, so that a
                // parent starting many children resumes at the same depth each time (resuming it
                // through execute() nested one more run() per child on the loop thread's stack).
                // Its unpark comes back to execute(), which finds its continuation in the slot.
                runningSlot.set(co.cont);
                co.endHandoff();
                LockSupport.unpark(co.thread);
            } else if (co.suspendedByLoop) {
                if (runningSlot.compareAndSet(co.cont, null)) {
                    return; // suspended in await: a microtask or callback will resume it
                }
                // resubmitted by another thread while it ran (an interrupt): run it again now
            } else {
                // parked outside the loop: the loop thread blocks until that park returns
                while (runningSlot.get() != RESUBMITTED) {
                    LockSupport.park(this);
                }
            }
            mount(co);
            co.cont.run();
            unmount(outer);
        }
    }
}
