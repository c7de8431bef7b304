package dev.sab.schedulers.internal;

import dev.sab.schedulers.SchedulerMetrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The task counts every scheduler keeps (spawned, completed, failed, cancelled, in flight) and the
 * wait in {@code close()} for the in-flight count to reach zero. Thread-safe.
 *
 * <p>The counts are {@code AtomicLong}s, not {@code LongAdder}s. A task's end runs in the task's
 * own frame ({@code TaskRun.run}, where the JIT inlines these calls), and a frame that went to
 * sleep keeps the code it was compiled with: a {@code LongAdder} compiled before its first
 * contention has a branch seen only one way ({@code cells == null}), so once two tasks happened to
 * end at once every task asleep in that code deoptimized as it woke (33,778 traps in one
 * million-sleeper run of gmp). One contended {@code getAndAdd} per task is cheap beside the
 * in-flight count that every task already updates.
 */
public final class TaskAccounting implements TaskRun.Hooks {
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    /** Called once per task before it is handed to the scheduler. */
    public void spawned() {
        spawned.incrementAndGet();
        inFlight.incrementAndGet();
    }

    @Override
    public void counted(TaskRun.Ending ending) {
        switch (ending) {
            case COMPLETED -> completed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case CANCELLED -> cancelled.incrementAndGet();
        }
    }

    @Override
    public void exited() {
        if (inFlight.decrementAndGet() == 0) {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public long inFlight() {
        return inFlight.get();
    }

    /** Waits until no task is in flight. Not interruptible: close() must not leave tasks behind. */
    public void awaitDrained() {
        lock.lock();
        try {
            while (inFlight.get() != 0) {
                drained.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds the task counters every scheduler reports. */
    public void report(SchedulerMetrics.Builder b) {
        b.counter("tasksSpawned", "tasks", spawned.get(), "tasks handed to the scheduler");
        b.counter("tasksCompleted", "tasks", completed.get(), "tasks that returned normally");
        b.counter("tasksFailed", "tasks", failed.get(), "tasks that threw");
        b.counter("tasksCancelled", "tasks", cancelled.get(), "tasks cancelled through their handle");
        b.gauge("tasksInFlight", "tasks", inFlight.get(), "tasks spawned and not yet finished");
    }
}
