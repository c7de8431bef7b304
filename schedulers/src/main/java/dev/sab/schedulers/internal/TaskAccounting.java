package dev.sab.schedulers.internal;

import dev.sab.schedulers.SchedulerMetrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The task counts every scheduler keeps (spawned, completed, failed, cancelled, in flight) and the
 * wait in {@code close()} for the in-flight count to reach zero. Thread-safe.
 */
public final class TaskAccounting implements TaskRun.Hooks {
    private final LongAdder spawned = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    /** Called once per task before it is handed to the scheduler. */
    public void spawned() {
        spawned.increment();
        inFlight.incrementAndGet();
    }

    @Override
    public void counted(TaskRun.Ending ending) {
        switch (ending) {
            case COMPLETED -> completed.increment();
            case FAILED -> failed.increment();
            case CANCELLED -> cancelled.increment();
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
        b.counter("tasksSpawned", "tasks", spawned.sum(), "tasks handed to the scheduler");
        b.counter("tasksCompleted", "tasks", completed.sum(), "tasks that returned normally");
        b.counter("tasksFailed", "tasks", failed.sum(), "tasks that threw");
        b.counter("tasksCancelled", "tasks", cancelled.sum(), "tasks cancelled through their handle");
        b.gauge("tasksInFlight", "tasks", inFlight.get(), "tasks spawned and not yet finished");
    }
}
