package dev.sab.schedulers.eventloop;

import java.util.function.Consumer;

/**
 * A promise's resolving functions (ECMA-262 CreateResolvingFunctions): {@link #accept} resolves
 * with a value, {@link #adopt} with another promise (which takes PromiseResolveThenableJob's extra
 * turns), {@link #reject} rejects. Whichever is called first wins; later calls do nothing, as the
 * specification's [[AlreadyResolved]] record makes them.
 *
 * <p>Called only on the promise's loop thread: to resolve from another thread, make the promise
 * with {@link Promise#from} or post to the loop through an {@link AsyncHandle}.
 *
 * @param <T> the value's type
 */
public final class Resolver<T> implements Consumer<T> {
    private final Promise<T> promise;
    private boolean alreadyResolved;

    Resolver(Promise<T> promise) {
        this.promise = promise;
    }

    /** resolve(value). */
    @Override
    public void accept(T value) {
        promise.loop.checkThread("resolve");
        if (alreadyResolved) {
            return;
        }
        alreadyResolved = true;
        promise.fulfillNow(value);
    }

    /** resolve(promise): the promise adopts {@code other}'s outcome, two microtask turns later. */
    public void adopt(Promise<? extends T> other) {
        promise.loop.checkThread("resolve");
        if (alreadyResolved) {
            return;
        }
        alreadyResolved = true;
        promise.resolveWith(other);
    }

    /** reject(reason). */
    public void reject(Throwable reason) {
        promise.loop.checkThread("reject");
        if (alreadyResolved) {
            return;
        }
        alreadyResolved = true;
        promise.rejectNow(reason);
    }
}
