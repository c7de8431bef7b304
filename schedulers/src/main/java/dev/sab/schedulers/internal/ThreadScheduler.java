package dev.sab.schedulers.internal;

import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared shape of the schedulers that run each task on a Java thread of its own (platform
 * threads, pooled platform threads, JDK virtual threads): accounting, close() and the context.
 * Subclasses say only how a task gets a thread.
 *
 * <p>Shutdown: (1) {@code close()} marks the scheduler closed, so {@link #submit} from outside
 * throws; tasks already running may still spawn children, which keeps the in-flight count above
 * zero; (2) it waits until no task is in flight; (3) it releases the threads.
 */
public abstract class ThreadScheduler implements Scheduler {
    protected final TaskAccounting tasks = new TaskAccounting();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String name;
    private final Ctx ctx = new ThreadCtx(this);

    protected ThreadScheduler(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final <T> TaskHandle<T> submit(ValueTask<T> task) {
        if (closed.get()) {
            throw new IllegalStateException("scheduler " + name + " is closed");
        }
        return start(task);
    }

    /** Called only from a running task of this scheduler (through its Ctx): allowed while closing. */
    final <T> TaskHandle<T> submitChild(ValueTask<T> task) {
        return start(task);
    }

    private <T> TaskHandle<T> start(ValueTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, ctx, tasks);
        tasks.spawned();
        try {
            execute(run);
        } catch (RejectedExecutionException | IllegalStateException e) {
            run.cancel();
            throw new IllegalStateException("scheduler " + name + " refused a task: " + e.getMessage(), e);
        }
        return run;
    }

    /** Gives {@code run} a thread. */
    protected abstract void execute(Runnable run);

    /** Releases the threads once no task is in flight. */
    protected abstract void releaseThreads();

    /** Adds the metrics of this kind of scheduler after the task counts. */
    protected abstract void reportThreads(SchedulerMetrics.Builder metrics);

    @Override
    public final SchedulerMetrics metrics() {
        SchedulerMetrics.Builder b = SchedulerMetrics.builder(name);
        tasks.report(b);
        reportThreads(b);
        return b.build();
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            tasks.awaitDrained();
            releaseThreads();
        }
    }
}
