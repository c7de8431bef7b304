package dev.sab.schedulers.internal;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.TaskFailedException;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One spawned task: the body a scheduler runs and the handle its spawner holds. Every scheduler
 * may use it; it knows nothing of threads except the one running it, which {@link #cancel()}
 * interrupts.
 *
 * <p>Invariant: {@link #run()} runs the body at most once, and never after {@link #cancel()} won.
 * The runner field is guarded by {@code this}, so a cancel that races the end of the body never
 * interrupts whatever the thread runs next.
 */
public final class TaskRun<T> implements TaskHandle<T>, Runnable {
    static {
        // Loads and initialises Ending with the first task, not the first task to end: code
        // compiled while a million tasks start (and none has ended) would otherwise find Ending
        // unloaded, compile its use as a trap, and deoptimize every one of those tasks as it ends.
        Ending.values();
    }

    private final ValueTask<T> body;
    private final Ctx ctx;
    private final Hooks hooks;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private Thread runner; // guarded by this
    private boolean started; // guarded by this
    private boolean finishing; // guarded by this: the body ended and its outcome is being set; too late to cancel

    /** How a task's end is reported to its scheduler's accounting. */
    public interface Hooks {
        /** The task's end, counted before its handle completes, so a joiner sees the count. */
        void counted(Ending ending);

        /** Called after the handle completed: the task has left the scheduler. */
        void exited();
    }

    /** How a task ended. */
    public enum Ending { COMPLETED, FAILED, CANCELLED }

    /**
     * @param hooks told once of the ending, on the running thread (or the cancelling one if the body
     *              never ran)
     */
    public TaskRun(ValueTask<T> body, Ctx ctx, Hooks hooks) {
        this.body = body;
        this.ctx = ctx;
        this.hooks = hooks;
    }

    /** Runs the body on the calling thread unless the task was cancelled first. */
    @Override
    public void run() {
        synchronized (this) {
            if (outcome.isDone()) {
                return; // cancelled before it started; cancel() already reported the finish
            }
            started = true;
            runner = Thread.currentThread();
        }
        T value = null;
        Throwable failure = null;
        try {
            value = body.call(ctx);
        } catch (Throwable t) {
            failure = t;
        }
        synchronized (this) {
            runner = null;
            Thread.interrupted(); // a cancel's interrupt belongs to this task, not the thread's next one
            finishing = !outcome.isCancelled();
        }
        if (!finishing) {
            hooks.exited(); // cancel() counted it
            return;
        }
        hooks.counted(failure == null ? Ending.COMPLETED : Ending.FAILED);
        if (failure == null) {
            outcome.complete(value);
        } else {
            outcome.completeExceptionally(failure);
        }
        hooks.exited();
    }

    @Override
    public T join() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new TaskFailedException(e.getCause());
        }
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        try {
            outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    @Override
    public boolean isDone() {
        return outcome.isDone();
    }

    @Override
    public T result() {
        if (!outcome.isDone()) {
            throw new IllegalStateException("task has not finished");
        }
        try {
            return outcome.join();
        } catch (CompletionException e) {
            throw new TaskFailedException(e.getCause());
        }
    }

    @Override
    public Throwable exception() {
        if (!outcome.isCompletedExceptionally()) {
            return null;
        }
        try {
            outcome.join();
            return null;
        } catch (CancellationException e) {
            return e;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Override
    public boolean cancel() {
        boolean neverStarted;
        synchronized (this) {
            if (outcome.isDone() || finishing) {
                return false;
            }
            hooks.counted(Ending.CANCELLED);
            outcome.cancel(false);
            neverStarted = !started;
            if (runner != null) {
                runner.interrupt();
            }
        }
        if (neverStarted) {
            hooks.exited(); // run() will never report it
        }
        return true;
    }

    @Override
    public boolean isCancelled() {
        return outcome.isCancelled();
    }

    /** The outcome as a future, for schedulers that complete callbacks rather than park. */
    public CompletableFuture<T> outcome() {
        return outcome;
    }
}
