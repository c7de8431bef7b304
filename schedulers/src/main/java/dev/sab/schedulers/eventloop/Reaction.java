package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Watchdog;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A PromiseReaction record that is also its own PromiseReactionJob: registered on a promise by
 * {@code then} (PerformPromiseThen), and queued as a microtask, carrying the settled value, when
 * the promise settles (TriggerPromiseReactions). One object per {@code then}, no separate job
 * object: that is what keeps a promise hop cheap.
 *
 * <p>The {@code kind} says how the handler is called and what becomes of its result, so one class
 * serves {@code then}, {@code thenAccept}, {@code thenRun}, {@code thenCompose}, {@code finally},
 * the PromiseResolveThenableJob's inner {@code then}, and a coroutine's {@code await}.
 *
 * <p>Called only on the loop thread.
 */
final class Reaction implements Runnable, Watchdog.Described {
    static final byte THEN = 0;       // handlers are Functions; the result fulfils the derived promise
    static final byte ACCEPT = 1;     // onFulfilled is a Consumer
    static final byte RUN = 2;        // onFulfilled is a Runnable
    static final byte COMPOSE = 3;    // onFulfilled returns a Promise the derived promise adopts
    static final byte FINALLY = 4;    // onFulfilled is the Runnable of finally()
    static final byte ADOPT = 5;      // settles `derived` with the same outcome (PromiseResolveThenableJob)
    static final byte AWAIT = 6;      // resumes the coroutine in onFulfilled
    static final byte THENABLE = 7;   // NewPromiseResolveThenableJob: onFulfilled is the thenable to subscribe to

    private final byte kind;
    private final Object onFulfilled;
    private final Object onRejected;
    final Promise<Object> derived; // the capability's promise; null for await
    Reaction next;                  // the promise's reaction list, in registration order
    private Object argument;
    private boolean rejected;

    @SuppressWarnings("unchecked")
    Reaction(byte kind, Object onFulfilled, Object onRejected, Promise<?> derived) {
        this.kind = kind;
        this.onFulfilled = onFulfilled;
        this.onRejected = onRejected;
        this.derived = (Promise<Object>) derived;
    }

    /** NewPromiseReactionJob: remembers the outcome; the job runs when the microtask queue gets to it. */
    Reaction trigger(Object argument, boolean rejected) {
        this.argument = argument;
        this.rejected = rejected;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        switch (kind) {
            case AWAIT -> ((Coroutine) onFulfilled).resumeFromAwait(this, argument, rejected);
            case ADOPT -> settle(derived, argument, rejected);
            case THENABLE -> ((Promise<Object>) onFulfilled).performThen(new Reaction(ADOPT, null, null, derived));
            case FINALLY -> runFinally();
            default -> runHandler();
        }
    }

    /** PromiseReactionJob: call the handler, then resolve or reject the derived promise with what it gave. */
    @SuppressWarnings("unchecked")
    private void runHandler() {
        Object handler = rejected ? onRejected : onFulfilled;
        if (handler == null) { // an empty handler passes the outcome through
            settle(derived, argument, rejected);
            return;
        }
        Object result;
        try {
            if (rejected) {
                result = ((Function<Throwable, Object>) handler).apply((Throwable) argument);
            } else {
                result = switch (kind) {
                    case ACCEPT -> {
                        ((Consumer<Object>) handler).accept(argument);
                        yield null;
                    }
                    case RUN -> {
                        ((Runnable) handler).run();
                        yield null;
                    }
                    default -> ((Function<Object, Object>) handler).apply(argument);
                };
            }
        } catch (Throwable t) {
            derived.rejectNow(t);
            return;
        }
        if (kind == COMPOSE) {
            derived.resolveWith((Promise<Object>) result); // the resolve function: adoption, with its extra jobs
        } else {
            derived.fulfillNow(result);
        }
    }

    /**
     * Promise.prototype.finally's thenFinally / catchFinally (ECMA-262 27.2.5.3): call onFinally,
     * then return {@code PromiseResolve(onFinally's result).then(() => value)} (or a thrower), so
     * the derived promise adopts a promise: two jobs more than a plain then, as in V8.
     */
    private void runFinally() {
        try {
            ((Runnable) onFulfilled).run();
        } catch (Throwable t) {
            derived.rejectNow(t);
            return;
        }
        Object value = argument;
        Promise<Object> after = rejected
                ? Promise.resolved(derived.loop, null).then(ignored -> {
                    throw Promise.<RuntimeException>sneakyThrow((Throwable) value);
                })
                : Promise.resolved(derived.loop, null).then(ignored -> value);
        derived.resolveWith(after);
    }

    private static void settle(Promise<Object> target, Object argument, boolean rejected) {
        if (rejected) {
            target.rejectNow((Throwable) argument);
        } else {
            target.fulfillNow(argument);
        }
    }

    @Override
    public String describe() {
        Object handler = kind == AWAIT ? "an await" : rejected ? onRejected : onFulfilled;
        return "promise job for " + (handler instanceof String s ? s : Watchdog.describe(handler));
    }
}
