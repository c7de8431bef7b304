package dev.sab.core;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * What {@code Atomics.waitAsync} returns: ECMAScript's {@code {async, value}} object, with the
 * promise in a field of its own.
 *
 * <ul>
 *   <li>{@code async} false: the result was known at once, {@link WaitResult#NOT_EQUAL} or (for a
 *       zero timeout) {@link WaitResult#TIMED_OUT}; it is in {@code value}, and {@code promise} is
 *       already completed with it, so code may always use {@code promise}.</li>
 *   <li>{@code async} true: {@code value} is null and {@code promise} completes later with
 *       {@link WaitResult#OK} or {@link WaitResult#TIMED_OUT}. It never completes exceptionally.</li>
 * </ul>
 *
 * <p>On which thread the promise completes, and therefore where dependent stages registered
 * without an executor run, is documented on {@link Atomics#waitAsync(Int32Array, int, int, double)}.
 */
public record WaitAsyncResult(boolean async, WaitResult value, CompletionStage<WaitResult> promise) {

    public WaitAsyncResult {
        Objects.requireNonNull(promise, "promise");
        if (async != (value == null)) {
            throw new IllegalArgumentException("value is set exactly when async is false");
        }
    }
}
