package dev.sab.schedulers;

import dev.sab.core.Agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The "system call surface" a task sees. A workload is written once against it, and each
 * scheduler maps every call onto its own execution model (see DESIGN.md, "How each scheduler maps
 * the Ctx calls"): that is what makes a comparison between schedulers fair.
 *
 * <p>Called only from inside a task running on the scheduler that passed this context in.
 */
public interface Ctx {

    /** Waits {@code d}: a timer wait, the I/O-bound primitive. */
    void sleep(Duration d) throws InterruptedException;

    /**
     * Burns {@code units} of calibrated CPU work (one unit is about one microsecond on the machine
     * running it, see {@link CpuKernel}), passing a safe point about every unit where the scheduler
     * may preempt the task.
     */
    void cpu(long units);

    /**
     * A point where the scheduler may preempt this task. Long CPU loops (the workloads' kernels)
     * call it every few microseconds of work, so a scheduler that models preemption can stop them
     * there, as Go 1.14+ stops a tight loop anywhere with a signal; {@link #cpu} passes the same
     * point about every unit. The default is a no-op, for schedulers where preemption is not
     * modelled: JavaScript has none, and threads are preempted by the OS, not at safe points.
     */
    default void safePoint() {
    }

    /** Gives other runnable tasks a turn. */
    void yield();

    /** Runs {@code call}, which blocks its OS thread (a file read, a JNI call), in the scheduler's idiom. */
    <T> T blocking(Callable<T> call) throws Exception;

    /** Opens a TCP connection to a loopback address; non-loopback addresses are refused. */
    Conn connect(InetSocketAddress address) throws IOException;

    /** Listens on a loopback address (port 0 picks a free port); non-loopback addresses are refused. */
    Listener listen(InetSocketAddress address) throws IOException;

    /** Starts {@code child} on the same scheduler. */
    default TaskHandle<Void> spawn(Task child) {
        return submit(child);
    }

    /** Starts {@code child}, which returns a value, on the same scheduler. */
    <T> TaskHandle<T> submit(ValueTask<T> child);

    /**
     * Waits for {@code stage} and returns its value, or throws what it failed with: JavaScript's
     * {@code await}. On a scheduler of threads it parks the thread; on an event loop the task
     * yields the loop and resumes as a microtask once the stage completes. The default parks the
     * calling thread.
     */
    default <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (CancellationException e) {
            throw e;
        }
    }

    /** The ECMAScript agent this task runs as: whether it may block in {@code Atomics.wait}. */
    Agent agent();

    /** Monotonic time in nanoseconds, on the scheduler's clock. */
    long nanoTime();
}
