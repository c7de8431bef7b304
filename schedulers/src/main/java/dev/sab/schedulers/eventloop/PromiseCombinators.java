package dev.sab.schedulers.eventloop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Promise.all, allSettled, race and any (ECMA-262 27.2.4), written as the specification's
 * PerformPromiseAll and friends: each element is passed through PromiseResolve and subscribed to
 * with {@code then} (one throw-away derived promise each, as {@code Invoke(nextPromise, "then")}
 * makes), and the result is settled by the element functions, so the result's reactions run one
 * turn after the deciding element's.
 *
 * <p>Called only on the loop thread.
 */
final class PromiseCombinators {
    private PromiseCombinators() {
    }

    static <T> Promise<List<T>> all(EventLoop loop, List<Promise<T>> promises) {
        loop.checkThread("Promise.all");
        Promise<List<T>> result = new Promise<>(loop);
        Object[] values = new Object[promises.size()];
        int[] remaining = {1};
        boolean[] settled = {false};
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            boolean[] alreadyCalled = {false};
            remaining[0]++;
            subscribe(loop, promises.get(i), value -> {
                if (alreadyCalled[0]) {
                    return null;
                }
                alreadyCalled[0] = true;
                values[index] = value;
                if (--remaining[0] == 0 && !settled[0]) {
                    settled[0] = true;
                    result.fulfillNow(listOf(values));
                }
                return null;
            }, reason -> {
                if (!settled[0]) {
                    settled[0] = true;
                    result.rejectNow(reason);
                }
                return null;
            });
        }
        if (--remaining[0] == 0) {
            settled[0] = true;
            result.fulfillNow(listOf(values));
        }
        return result;
    }

    static <T> Promise<List<Settled<T>>> allSettled(EventLoop loop, List<Promise<T>> promises) {
        loop.checkThread("Promise.allSettled");
        Promise<List<Settled<T>>> result = new Promise<>(loop);
        Object[] outcomes = new Object[promises.size()];
        int[] remaining = {1};
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            boolean[] alreadyCalled = {false};
            remaining[0]++;
            Function<Object, Object> record = outcome -> {
                if (alreadyCalled[0]) {
                    return null;
                }
                alreadyCalled[0] = true;
                outcomes[index] = outcome;
                if (--remaining[0] == 0) {
                    result.fulfillNow(listOf(outcomes));
                }
                return null;
            };
            subscribe(loop, promises.get(i), value -> record.apply(Settled.fulfilled(value)),
                    reason -> record.apply(Settled.rejected(reason)));
        }
        if (--remaining[0] == 0) {
            result.fulfillNow(listOf(outcomes));
        }
        return result;
    }

    static <T> Promise<T> race(EventLoop loop, List<Promise<T>> promises) {
        loop.checkThread("Promise.race");
        Promise<T> result = new Promise<>(loop);
        for (Promise<T> p : promises) {
            subscribe(loop, p, value -> {
                result.fulfillNow(value);
                return null;
            }, reason -> {
                result.rejectNow(reason);
                return null;
            });
        }
        return result;
    }

    static <T> Promise<T> any(EventLoop loop, List<Promise<T>> promises) {
        loop.checkThread("Promise.any");
        Promise<T> result = new Promise<>(loop);
        Throwable[] errors = new Throwable[promises.size()];
        int[] remaining = {1};
        for (int i = 0; i < promises.size(); i++) {
            int index = i;
            boolean[] alreadyCalled = {false};
            remaining[0]++;
            subscribe(loop, promises.get(i), value -> {
                result.fulfillNow(value);
                return null;
            }, reason -> {
                if (alreadyCalled[0]) {
                    return null;
                }
                alreadyCalled[0] = true;
                errors[index] = reason;
                if (--remaining[0] == 0) {
                    result.rejectNow(new AggregateException(Arrays.asList(errors)));
                }
                return null;
            });
        }
        if (--remaining[0] == 0) {
            result.rejectNow(new AggregateException(List.of()));
        }
        return result;
    }

    /** PromiseResolve(C, element) then Invoke(element, "then", «onFulfilled, onRejected»). */
    @SuppressWarnings("unchecked")
    private static <T> void subscribe(EventLoop loop, Promise<T> element, Function<T, Object> onFulfilled,
                                      Function<Throwable, Object> onRejected) {
        if (element.loop != loop) {
            throw new IllegalStateException("a promise of event loop '" + element.loop.name()
                    + "' cannot be combined on '" + loop.name() + "'");
        }
        element.performThen(new Reaction(Reaction.THEN, onFulfilled, onRejected, new Promise<>(loop)));
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> listOf(Object[] values) {
        return Collections.unmodifiableList(new ArrayList<>((List<E>) Arrays.asList(values)));
    }
}
