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
 * million-sleeper run of gmp).
 *
 * <p>The spawning side and the ending side write different counters: the spawner only
 * {@code spawned}, the tasks' threads only their ending and {@code exited}; the number in flight is
 * {@code spawned - exited}. A shared in-flight count written by both made every spawn from a
 * platform thread wait for the cache line the carriers had just written (a tenth of the spawning
 * thread's samples in a JFR profile of spawns from outside). {@code spawned} sits in a padded
 * holder of its own so that the ending counters, allocated next to it, do not share its line.
 */
public final class TaskAccounting implements TaskRun.Hooks {
    private final SpawnCounter spawned = new SpawnCounter();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong exited = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();

    /**
     * An {@code AtomicLong} followed by a cache line of padding (a subclass's fields are laid out
     * after its superclass's), so the counters allocated after it do not share its line.
     */
    @SuppressWarnings("unused")
    private static final class SpawnCounter extends AtomicLong {
        private long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    /** Called once per task before it is handed to the scheduler. */
    public void spawned() {
        spawned.incrementAndGet();
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
        // the one that makes the counts equal wakes close(); a spawn racing this read only means
        // the wake-up is early, and awaitDrained looks again
        if (exited.incrementAndGet() == spawned.get()) {
            lock.lock();
            try {
                drained.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Tasks spawned and not yet exited. Never negative: {@code exited} is read first, and neither count goes down. */
    public long inFlight() {
        long out = exited.get();
        return spawned.get() - out;
    }

    /** Waits until no task is in flight. Not interruptible: close() must not leave tasks behind. */
    public void awaitDrained() {
        lock.lock();
        try {
            while (inFlight() != 0) {
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
        b.gauge("tasksInFlight", "tasks", inFlight(), "tasks spawned and not yet finished");
    }
}
