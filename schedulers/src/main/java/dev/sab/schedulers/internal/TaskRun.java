package dev.sab.schedulers.internal;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.TaskFailedException;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>The outcome is one field, written once. A {@link CompletableFuture} is made only for a
 * caller that has to wait ({@link #join()} on an unfinished task) or wants callbacks
 * ({@link #outcome()}): most tasks are never waited for while they run, and a future for each
 * was 24 bytes of every task's memory (a million sleeping tasks: 24 MB). The future and the
 * outcome meet in a handshake on two volatiles: the ending side writes the outcome, then reads
 * the future; the waiting side publishes the future, then reads the outcome; so at least one of
 * them sees the other and completes the future (completing it twice is harmless: both complete
 * it from the same outcome, and the first wins).
 */
public final class TaskRun<T> implements TaskHandle<T>, Runnable {
    static {
        // Loads and initialises Ending with the first task, not the first task to end: code
        // compiled while a million tasks start (and none has ended) would otherwise find Ending
        // unloaded, compile its use as a trap, and deoptimize every one of those tasks as it ends.
        Ending.values();
    }

    private static final VarHandle FUTURE;

    static {
        try {
            FUTURE = MethodHandles.lookup().findVarHandle(TaskRun.class, "future", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The outcome of a task whose body returned null. */
    private static final Object NULL_VALUE = new Object();
    /** The outcome of a cancelled task. */
    private static final Object CANCELLED = new Object();

    /** The outcome of a task whose body threw. */
    private record Failure(Throwable cause) {
    }

    private final ValueTask<T> body;
    private final Ctx ctx;
    private final Hooks hooks;
    /** Null while the task runs; then its value, {@link #NULL_VALUE}, a {@link Failure} or {@link #CANCELLED}. */
    private volatile Object outcome;
    /** Made by the first caller that waits or wants callbacks (set through {@link #FUTURE}). */
    private volatile CompletableFuture<T> future;
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
            if (outcome != null) {
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
            finishing = outcome != CANCELLED;
        }
        if (!finishing) {
            hooks.exited(); // cancel() counted it
            return;
        }
        hooks.counted(failure == null ? Ending.COMPLETED : Ending.FAILED);
        finish(failure != null ? new Failure(failure) : value == null ? NULL_VALUE : value);
        hooks.exited();
    }

    @Override
    public T join() throws InterruptedException {
        if (outcome == null) {
            try {
                future().get();
            } catch (ExecutionException | CancellationException e) {
                // the outcome says which
            }
        }
        return result();
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        if (outcome != null) {
            return true;
        }
        try {
            future().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    @Override
    public boolean isDone() {
        return outcome != null;
    }

    @Override
    public T result() {
        Object o = outcome;
        if (o == null) {
            throw new IllegalStateException("task has not finished");
        }
        if (o == CANCELLED) {
            throw new CancellationException();
        }
        if (o instanceof Failure f) {
            throw new TaskFailedException(f.cause());
        }
        return value(o);
    }

    @Override
    public Throwable exception() {
        Object o = outcome;
        if (o == CANCELLED) {
            return new CancellationException();
        }
        return o instanceof Failure f ? f.cause() : null;
    }

    @Override
    public boolean cancel() {
        boolean neverStarted;
        synchronized (this) {
            if (outcome != null || finishing) {
                return false;
            }
            hooks.counted(Ending.CANCELLED);
            finish(CANCELLED);
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
        return outcome == CANCELLED;
    }

    /**
     * The outcome as a future, for schedulers that complete callbacks rather than park: its value,
     * its failure as the exceptional completion, or cancelled. Made on the first call.
     */
    public CompletableFuture<T> outcome() {
        return future();
    }

    /** The future if one was made, else null; makes none (tests: a task no one waited for has none). */
    CompletableFuture<T> futureIfMade() {
        return future;
    }

    /** Sets the outcome, once, then completes the future if a waiter made one (the handshake's ending side). */
    private void finish(Object o) {
        outcome = o; // volatile write, then the volatile read below
        CompletableFuture<T> f = future;
        if (f != null) {
            complete(f, o);
        }
    }

    /** The future, made if need be (the handshake's waiting side: publish it, then read the outcome). */
    private CompletableFuture<T> future() {
        CompletableFuture<T> f = future;
        if (f == null) {
            CompletableFuture<T> made = new CompletableFuture<>();
            @SuppressWarnings("unchecked")
            CompletableFuture<T> witness = (CompletableFuture<T>) FUTURE.compareAndExchange(this, null, made);
            f = witness == null ? made : witness;
        }
        Object o = outcome;
        if (o != null) {
            complete(f, o);
        }
        return f;
    }

    private void complete(CompletableFuture<T> f, Object o) {
        if (o == CANCELLED) {
            f.cancel(false);
        } else if (o instanceof Failure failure) {
            f.completeExceptionally(failure.cause());
        } else {
            f.complete(value(o));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(Object o) {
        return o == NULL_VALUE ? null : (T) o;
    }
}
