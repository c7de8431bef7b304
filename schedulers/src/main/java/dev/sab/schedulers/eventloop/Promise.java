package dev.sab.schedulers.eventloop;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JavaScript promise (ECMA-262 27.2), bound to the event loop it was made on: its reactions run
 * as microtasks on that loop, in the order the specification gives them.
 *
 * <ul>
 *   <li>{@code then} and its variants queue one job when the promise is (or becomes) settled;
 *       the derived promise settles when that job runs, so a chain of {@code n} thens takes
 *       {@code n} microtask turns.</li>
 *   <li>Resolving a promise with another promise ({@link #thenCompose}, {@link Resolver#adopt},
 *       {@link #finallyDo}) goes through PromiseResolveThenableJob: two more turns than resolving
 *       with a value, exactly as V8 does ({@code return Promise.resolve(x)} from a then callback
 *       is two turns slower than {@code return x}).</li>
 *   <li>A promise rejected with no handler is reported as unhandled once the microtask queue has
 *       drained, unless a handler is attached first (see {@link EventLoop#onUnhandledRejection}).</li>
 * </ul>
 *
 * <p>Java's types keep {@code Promise<Promise<X>>} distinct from {@code Promise<X>}, so
 * {@link #then} never adopts a promise its callback returns; {@link #thenCompose} is the then
 * whose callback returns a promise, with JavaScript's adoption ordering.
 *
 * <p>Every method must be called on the thread of the promise's loop (or a coroutine running on
 * it) and throws {@link IllegalStateException} elsewhere; {@link #from(CompletionStage)} is how a
 * value produced on another thread becomes a promise.
 *
 * @param <T> the fulfilment value's type
 */
public final class Promise<T> {

    /** A promise's state. */
    public enum State { PENDING, FULFILLED, REJECTED }

    /** The function given to {@code new Promise(...)}: JavaScript's executor. */
    @FunctionalInterface
    public interface Executor<T> {
        /** Runs at once, on the loop; throwing rejects the promise (unless it was already resolved). */
        void run(Resolver<T> resolve, Consumer<Throwable> reject) throws Exception;
    }

    private static final byte PENDING = 0;
    private static final byte FULFILLED = 1;
    private static final byte REJECTED = 2;

    final EventLoop loop;
    private byte state;
    private boolean handled;   // [[PromiseIsHandled]]
    private boolean reported;  // reported as an unhandled rejection
    private Object result;
    private Reaction head;
    private Reaction tail;

    Promise(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * {@code new Promise((resolve, reject) -> ...)} on the current loop: runs {@code executor} now;
     * if it throws, the promise is rejected with what it threw.
     *
     * @throws IllegalStateException if not called on an event loop
     */
    public Promise(Executor<T> executor) {
        this(EventLoop.current());
        Resolver<T> resolver = new Resolver<>(this);
        try {
            executor.run(resolver, resolver::reject);
        } catch (Throwable t) {
            resolver.reject(t);
        }
    }

    // ------------------------------------------------------------------ statics

    /** {@code Promise.resolve(value)}: a promise on the current loop, already fulfilled. */
    public static <T> Promise<T> resolve(T value) {
        return resolved(EventLoop.current(), value);
    }

    /** {@code Promise.resolve()}: fulfilled with nothing. */
    public static Promise<Void> resolve() {
        return resolved(EventLoop.current(), null);
    }

    /**
     * {@code Promise.resolve(promise)}: PromiseResolve returns a promise of the same loop as is
     * (no extra turn); one of another loop cannot be adopted and is an error.
     */
    public static <T> Promise<T> resolve(Promise<T> promise) {
        EventLoop loop = EventLoop.current();
        if (promise.loop != loop) {
            throw new IllegalStateException("a promise of event loop '" + promise.loop.name()
                    + "' cannot be used on '" + loop.name() + "'; pass values between loops with postMessage");
        }
        return promise;
    }

    /** {@code Promise.reject(reason)}: a promise on the current loop, already rejected. */
    public static <T> Promise<T> reject(Throwable reason) {
        Promise<T> p = new Promise<>(EventLoop.current());
        p.rejectNow(Objects.requireNonNull(reason, "reason"));
        return p;
    }

    /**
     * A promise on the current loop that settles as {@code stage} does, wherever that completes: the
     * outcome is posted to the loop thread-safely and settles the promise in the poll phase (at once
     * if {@code stage} is already complete). Until then the loop stays alive, as for an in-flight
     * request.
     */
    public static <T> Promise<T> from(CompletionStage<T> stage) {
        return EventLoop.current().adopt(stage);
    }

    /** {@code Promise.withResolvers()} (ES2024): a pending promise and its resolving functions. */
    public static <T> Resolvers<T> withResolvers() {
        Promise<T> p = new Promise<>(EventLoop.current());
        Resolver<T> r = new Resolver<>(p);
        return new Resolvers<>(p, r, r::reject);
    }

    /**
     * What {@link #withResolvers()} returns.
     *
     * @param promise the pending promise
     * @param resolve its resolve function
     * @param reject  its reject function
     */
    public record Resolvers<T>(Promise<T> promise, Resolver<T> resolve, Consumer<Throwable> reject) {
    }

    /** {@code Promise.all}: fulfils with every value in order once all fulfil; rejects with the first rejection. */
    public static <T> Promise<List<T>> all(List<Promise<T>> promises) {
        return PromiseCombinators.all(EventLoop.current(), promises);
    }

    @SafeVarargs
    public static <T> Promise<List<T>> all(Promise<T>... promises) {
        return all(List.of(promises));
    }

    /** {@code Promise.allSettled}: fulfils with every outcome in order once all have settled. */
    public static <T> Promise<List<Settled<T>>> allSettled(List<Promise<T>> promises) {
        return PromiseCombinators.allSettled(EventLoop.current(), promises);
    }

    @SafeVarargs
    public static <T> Promise<List<Settled<T>>> allSettled(Promise<T>... promises) {
        return allSettled(List.of(promises));
    }

    /** {@code Promise.race}: settles as the first of {@code promises} to settle (never, for an empty list). */
    public static <T> Promise<T> race(List<Promise<T>> promises) {
        return PromiseCombinators.race(EventLoop.current(), promises);
    }

    @SafeVarargs
    public static <T> Promise<T> race(Promise<T>... promises) {
        return race(List.of(promises));
    }

    /** {@code Promise.any}: fulfils with the first fulfilment; rejects with an {@link AggregateException} if all reject. */
    public static <T> Promise<T> any(List<Promise<T>> promises) {
        return PromiseCombinators.any(EventLoop.current(), promises);
    }

    @SafeVarargs
    public static <T> Promise<T> any(Promise<T>... promises) {
        return any(List.of(promises));
    }

    // ------------------------------------------------------------------ then and friends

    /** {@code then(onFulfilled)}: a rejection passes through to the derived promise. */
    public <R> Promise<R> then(Function<? super T, ? extends R> onFulfilled) {
        loop.checkThread("Promise.then");
        Promise<R> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.THEN, Objects.requireNonNull(onFulfilled, "onFulfilled"), null, derived));
        return derived;
    }

    /** {@code then(onFulfilled, onRejected)}. */
    public <R> Promise<R> then(Function<? super T, ? extends R> onFulfilled, Function<Throwable, ? extends R> onRejected) {
        loop.checkThread("Promise.then");
        Promise<R> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.THEN, onFulfilled, onRejected, derived));
        return derived;
    }

    /** {@code then(v => { action(v) })}. */
    public Promise<Void> thenAccept(Consumer<? super T> action) {
        loop.checkThread("Promise.thenAccept");
        Promise<Void> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.ACCEPT, Objects.requireNonNull(action, "action"), null, derived));
        return derived;
    }

    /** {@code then(() => { action() })}. */
    public Promise<Void> thenRun(Runnable action) {
        loop.checkThread("Promise.thenRun");
        Promise<Void> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.RUN, Objects.requireNonNull(action, "action"), null, derived));
        return derived;
    }

    /**
     * {@code then(v => promise)}: the derived promise adopts the promise the callback returns,
     * through PromiseResolveThenableJob, which takes two microtask turns more than {@link #then}.
     */
    public <R> Promise<R> thenCompose(Function<? super T, Promise<R>> onFulfilled) {
        loop.checkThread("Promise.thenCompose");
        Promise<R> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.COMPOSE, Objects.requireNonNull(onFulfilled, "onFulfilled"), null, derived));
        return derived;
    }

    /** {@code catch(onRejected)}: {@code then(undefined, onRejected)}. */
    public Promise<T> catchError(Function<Throwable, ? extends T> onRejected) {
        loop.checkThread("Promise.catchError");
        Promise<T> derived = new Promise<>(loop);
        performThen(new Reaction(Reaction.THEN, null, Objects.requireNonNull(onRejected, "onRejected"), derived));
        return derived;
    }

    /**
     * {@code finally(onFinally)}: runs {@code onFinally} on either outcome and passes the outcome
     * on (a throw from {@code onFinally} replaces it), with the specification's extra turns.
     */
    public Promise<T> finallyDo(Runnable onFinally) {
        loop.checkThread("Promise.finallyDo");
        Promise<T> derived = new Promise<>(loop);
        Objects.requireNonNull(onFinally, "onFinally");
        performThen(new Reaction(Reaction.FINALLY, onFinally, onFinally, derived));
        return derived;
    }

    /** The promise's state now. */
    public State state() {
        loop.checkThread("Promise.state");
        return switch (state) {
            case PENDING -> State.PENDING;
            case FULFILLED -> State.FULFILLED;
            default -> State.REJECTED;
        };
    }

    /** The loop this promise belongs to. */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        return switch (state) {
            case PENDING -> "Promise { <pending> }";
            case FULFILLED -> "Promise { " + result + " }";
            default -> "Promise { <rejected> " + result + " }";
        };
    }

    // ------------------------------------------------------------------ the specification's operations

    static <T> Promise<T> resolved(EventLoop loop, T value) {
        Promise<T> p = new Promise<>(loop);
        p.state = FULFILLED;
        p.result = value;
        return p;
    }

    /** PerformPromiseThen. */
    void performThen(Reaction r) {
        if (state == PENDING) {
            if (tail == null) {
                head = r;
            } else {
                tail.next = r;
            }
            tail = r;
        } else {
            if (state == REJECTED && !handled) {
                loop.queues.rejections.handlerAdded(this);
            }
            loop.queues.enqueueMicrotask(r.trigger(result, state == REJECTED));
        }
        handled = true;
    }

    /**
     * The resolve function's thenable branch: resolving with a promise queues
     * NewPromiseResolveThenableJob, which subscribes to it; self-resolution is a TypeError.
     */
    void resolveWith(Promise<?> resolution) {
        if (state != PENDING) {
            return;
        }
        if (resolution == null) {
            fulfillNow(null);
            return;
        }
        if (resolution == this) {
            rejectNow(new IllegalStateException("TypeError: Chaining cycle detected for promise"));
            return;
        }
        if (resolution.loop != loop) {
            rejectNow(new IllegalStateException("a promise of event loop '" + resolution.loop.name()
                    + "' cannot be adopted on '" + loop.name() + "'"));
            return;
        }
        loop.queues.enqueueMicrotask(new Reaction(Reaction.THENABLE, resolution, null, this));
    }

    /** FulfillPromise. */
    void fulfillNow(Object value) {
        if (state != PENDING) {
            return;
        }
        state = FULFILLED;
        result = value;
        triggerReactions(false);
    }

    /** RejectPromise, with HostPromiseRejectionTracker's "reject". */
    void rejectNow(Throwable reason) {
        if (state != PENDING) {
            return;
        }
        state = REJECTED;
        result = reason;
        if (!handled) {
            loop.queues.rejections.rejectedWithoutHandler(this);
        }
        triggerReactions(true);
    }

    private void triggerReactions(boolean rejected) {
        Reaction r = head;
        head = null;
        tail = null;
        while (r != null) {
            Reaction next = r.next;
            r.next = null;
            loop.queues.enqueueMicrotask(r.trigger(result, rejected));
            r = next;
        }
    }

    boolean isPending() {
        return state == PENDING;
    }

    boolean isHandled() {
        return handled;
    }

    boolean rejectionReported() {
        return reported;
    }

    void markRejectionReported() {
        reported = true;
    }

    Throwable reasonNow() {
        return state == REJECTED ? (Throwable) result : null;
    }

    Object valueNow() {
        return state == FULFILLED ? result : null;
    }

    boolean isRejected() {
        return state == REJECTED;
    }

    /** Throws {@code t} as if unchecked, so a rejection reason passes through a Function unwrapped. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
