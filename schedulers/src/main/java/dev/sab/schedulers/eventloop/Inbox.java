package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.UvAsync;
import dev.sab.schedulers.eventloop.internal.UvLoop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * The loop's way in from other threads: tasks posted through one unref'd async handle (Node's
 * {@code SetImmediateThreadsafe} and V8's platform tasks come in the same way), each run as its own
 * poll-phase callback; and foreign {@link CompletionStage}s adopted as promises, settled by such a
 * post from whatever thread completes them.
 *
 * <p>{@link #post} is thread-safe; the rest is called only on the loop thread.
 */
final class Inbox {
    private final EventLoop loop;
    private final UvLoop uv;
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final UvAsync async;

    Inbox(EventLoop loop, UvLoop uv) {
        this.loop = loop;
        this.uv = uv;
        this.async = new UvAsync(uv, this::runPosted);
        this.async.unref(); // posts alone do not keep the loop alive; whoever posts holds a request or handle
    }

    /** Runs {@code task} on the loop as a poll-phase callback. Thread-safe. */
    void post(Runnable task) {
        posted.offer(task);
        async.send();
    }

    private void runPosted() {
        Runnable r;
        while ((r = posted.poll()) != null) {
            loop.scope.makeCallback(Phase.POLL, r, r);
        }
    }

    /**
     * A promise settled as {@code stage} is: at once if it is complete, else by a post from the
     * completing thread. With {@code keepAlive} the pending stage holds the loop open as an in-flight
     * request does.
     */
    <T> Promise<T> adopt(CompletionStage<T> stage, boolean keepAlive) {
        Promise<T> p = new Promise<>(loop);
        CompletableFuture<T> future = null;
        try {
            future = stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            // a stage that cannot say whether it is done: subscribe below
        }
        if (future != null && future.isDone()) {
            try {
                p.fulfillNow(future.join());
            } catch (CompletionException | CancellationException e) {
                p.rejectNow(unwrap(e));
            }
            return p;
        }
        if (keepAlive) {
            uv.registerRequest();
        }
        stage.whenComplete((value, error) -> post(() -> {
            if (keepAlive) {
                uv.unregisterRequest();
            }
            if (error != null) {
                p.rejectNow(unwrap(error));
            } else {
                p.fulfillNow(value);
            }
        }));
        return p;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
