package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.LoopStats;
import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.Watchdog;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Node's callback boundary: {@code MakeCallback} with its {@code InternalCallbackScope}, and what
 * happens to an exception that escapes a callback ({@code process._fatalException}). Every macrotask
 * callback of the loop goes through here, which is where ticks and microtasks drain, where
 * per-phase callbacks are counted, where the watchdog's heartbeat is written, and where an uncaught
 * exception either reaches the {@code uncaughtException} handler or ends the loop.
 *
 * <p>Exceptions follow Node exactly (conformance scenario 25): a callback that throws fails its
 * scope, so nothing drains until the next callback; a tick that throws abandons the drain; a
 * microtask that throws is reported and the microtask queue goes on; a timer or immediate that
 * throws is reported and the rest of its batch runs without a drain in between.
 *
 * <p>Called only on the loop thread.
 */
final class CallbackScope {
    private final EventLoop loop;
    private final LoopStats stats;
    private final Watchdog watchdog;
    private Consumer<Throwable> uncaughtHandler;
    private BiConsumer<Throwable, Promise<?>> rejectionHandler;

    CallbackScope(EventLoop loop, LoopStats stats, Watchdog watchdog) {
        this.loop = loop;
        this.stats = stats;
        this.watchdog = watchdog;
    }

    void onUncaughtException(Consumer<Throwable> handler) {
        this.uncaughtHandler = handler;
    }

    void onUnhandledRejection(BiConsumer<Throwable, Promise<?>> handler) {
        this.rejectionHandler = handler;
    }

    /**
     * MakeCallback: runs a macrotask callback, counted in {@code phase}, then drains ticks and
     * microtasks. A callback that throws fails the scope: the exception goes to {@link #uncaught}
     * and nothing drains until the next callback. A tick that throws abandons the drain the same way.
     */
    void makeCallback(Phase phase, Runnable callback, Object label) {
        stats.callback(phase);
        if (watchdog != null) {
            watchdog.progress(label);
        }
        try {
            callback.run();
            loop.queues.drain();
        } catch (LoopAbort abort) {
            throw abort;
        } catch (Throwable t) {
            uncaught(t);
        }
        checkAbort();
    }

    /**
     * Runs one JavaScript callback from inside a JavaScript loop over callbacks (the timer lists,
     * the immediate queue), counted in {@code phase}. Exceptions propagate to that loop, which
     * reports them and carries on with the next callback, as Node's RunTimers and CheckImmediate do.
     */
    void runCallback(Phase phase, Runnable callback, Object label) {
        checkAbort();
        stats.callback(phase);
        if (watchdog != null) {
            watchdog.progress(label);
        }
        callback.run();
    }

    /** The scope close after a loop over callbacks: drains, reporting a tick that throws. */
    void drainReporting() {
        try {
            loop.queues.drain();
        } catch (LoopAbort abort) {
            throw abort;
        } catch (Throwable t) {
            uncaught(t);
        }
        checkAbort();
    }

    /** Runs a tick: an exception propagates and abandons the drain (processTicksAndRejections throws). */
    void runTick(Runnable tick) {
        checkAbort();
        if (watchdog != null) {
            watchdog.progress(tick);
        }
        tick.run();
    }

    /** Runs a microtask: V8 reports an exception and goes on with the next microtask. */
    void runMicrotask(Runnable job) {
        if (watchdog != null) {
            watchdog.progress(job);
        }
        try {
            job.run();
        } catch (LoopAbort abort) {
            throw abort;
        } catch (Throwable t) {
            uncaught(t);
        }
        checkAbort();
    }

    /** With a watchdog set to abort: stops the loop at this boundary once it has reported a stall. */
    void checkAbort() {
        if (watchdog != null) {
            LoopStall stall = watchdog.abortRequested();
            if (stall != null) {
                throw new LoopAbort(new LoopStalledException(stall));
            }
        }
    }

    /** process._fatalException: the uncaughtException handler, or the end of the loop. */
    void uncaught(Throwable t) {
        if (t instanceof LoopAbort abort) {
            throw abort;
        }
        Consumer<Throwable> handler = uncaughtHandler;
        if (handler != null) {
            try {
                handler.accept(t);
                return;
            } catch (Throwable inHandler) {
                t = inHandler;
            }
        }
        throw new LoopAbort(t instanceof RuntimeException || t instanceof Error ? t
                : new CompletionException("uncaught exception on event loop '" + loop.name() + "': " + t, t));
    }

    /** A rejection nothing handled, reported by the drain (Node's processPromiseRejections). */
    void unhandledRejection(Throwable reason, Promise<?> promise) {
        switch (loop.options().unhandledRejections()) {
            case THROW -> {
                if (rejectionHandler != null) {
                    try {
                        rejectionHandler.accept(reason, promise);
                    } catch (Throwable t) {
                        uncaught(t);
                    }
                } else {
                    uncaught(reason instanceof RuntimeException || reason instanceof Error ? reason
                            : new UnhandledRejectionException(reason));
                }
            }
            case WARN -> {
                if (rejectionHandler != null) {
                    rejectionHandler.accept(reason, promise);
                } else {
                    System.err.println("(sab eventloop '" + loop.name() + "') UnhandledPromiseRejectionWarning: " + reason);
                }
            }
            case NONE -> {
            }
        }
    }

    /** Unwinds the loop out of run(): an uncaught exception with no handler, or the watchdog's abort. */
    static final class LoopAbort extends Error {
        private static final long serialVersionUID = 1L;
        final transient Throwable failure; // a RuntimeException or an Error

        LoopAbort(Throwable failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure instanceof RuntimeException || failure instanceof Error ? failure
                    : new CompletionException(failure);
        }

        RuntimeException rethrow() {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure;
        }
    }
}
