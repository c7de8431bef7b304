package dev.sab.schedulers.eventloop.internal;

import java.util.concurrent.Callable;

/**
 * A request for the thread pool ({@code uv_work_t}): {@code work} runs on a pool thread, then
 * {@code done} runs on the loop thread in the poll phase with the result or what the work threw.
 * An in-flight request keeps its loop alive ({@code uv__has_active_reqs}).
 *
 * <p>Fields written by the pool thread ({@link #result}, {@link #error}) are published to the loop
 * thread by the completion queue's hand-over (a {@code ConcurrentLinkedQueue} offer/poll pair).
 */
public final class WorkRequest {
    /** The loop-side completion: exactly one of {@code result} and {@code error} is meaningful. */
    @FunctionalInterface
    public interface Done {
        void done(Object result, Throwable error);
    }

    final UvLoop loop;
    private final Callable<?> work;
    private final Done done;
    private Object result;
    private Throwable error;
    long queuedAtNanos; // on the pool's clock, for its queue-wait statistics

    WorkRequest(UvLoop loop, Callable<?> work, Done done) {
        this.loop = loop;
        this.work = work;
        this.done = done;
    }

    /** Called only on a pool thread. */
    void runWork() {
        try {
            result = work.call();
        } catch (Throwable t) {
            error = t;
        }
    }

    /** Called only on the loop thread, in the poll phase. */
    void complete() {
        done.done(result, error);
    }
}
