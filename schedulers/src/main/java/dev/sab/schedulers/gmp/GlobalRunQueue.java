package dev.sab.schedulers.gmp;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The global run queue: Go's {@code sched.runq}, a FIFO of runnable Gs guarded by the scheduler
 * lock. Gs arrive here when they are readied by a thread that holds no P (the JDK's I/O poller, a
 * platform thread, a task spawned from outside), when a full local queue spills half of itself,
 * when a G yields or is preempted, and when a G leaves a blocking call and finds no P.
 *
 * <p>Every method except {@link #isEmpty()} and {@link #size()} is called only with the scheduler
 * lock held (asserted). The size is also written to a volatile under the lock so that Ms can
 * check for work without the lock, as Go reads {@code sched.runq.size} racily.
 */
final class GlobalRunQueue {
    private final ReentrantLock schedLock;
    private Runnable[] items = new Runnable[64];
    private int head;
    private int count;
    private volatile int publishedSize; // written under the lock, read by anyone

    GlobalRunQueue(ReentrantLock schedLock) {
        this.schedLock = schedLock;
    }

    /** Whether the queue looked empty a moment ago. Any thread, no lock. */
    boolean isEmpty() {
        return publishedSize == 0;
    }

    /** Gs queued a moment ago. Any thread, no lock. */
    int size() {
        return publishedSize;
    }

    /** Appends {@code g}. Called only with the scheduler lock held. (Go: {@code globrunqput}) */
    void put(Runnable g) {
        assert schedLock.isHeldByCurrentThread();
        ensureRoom(1);
        items[(head + count) & (items.length - 1)] = g;
        count++;
        publishedSize = count;
    }

    /** Appends {@code batch[0..n)}. Called only with the scheduler lock held. (Go: {@code globrunqputbatch}) */
    void putBatch(Runnable[] batch, int n) {
        assert schedLock.isHeldByCurrentThread();
        ensureRoom(n);
        for (int i = 0; i < n; i++) {
            items[(head + count + i) & (items.length - 1)] = batch[i];
        }
        count += n;
        publishedSize = count;
    }

    /** Takes the oldest G, or null. Called only with the scheduler lock held. (Go: {@code globrunqget}) */
    Runnable get() {
        assert schedLock.isHeldByCurrentThread();
        if (count == 0) {
            return null;
        }
        Runnable g = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        count--;
        publishedSize = count;
        return g;
    }

    /**
     * Takes a fair share of the queue: at most {@code max}, at most {@code size/procs + 1}. The
     * first G is the one to run; the rest go to the caller's local queue. Called only with the
     * scheduler lock held. (Go: {@code globrunqgetbatch})
     *
     * @return the Gs taken, oldest first, or an empty array
     */
    Runnable[] getBatch(int max, int procs) {
        assert schedLock.isHeldByCurrentThread();
        int n = Math.min(Math.min(max, count), count / procs + 1);
        Runnable[] out = new Runnable[n];
        for (int i = 0; i < n; i++) {
            out[i] = get();
        }
        return out;
    }

    private void ensureRoom(int n) {
        if (count + n <= items.length) {
            return;
        }
        int capacity = items.length;
        while (capacity < count + n) {
            capacity <<= 1;
        }
        Runnable[] grown = new Runnable[capacity];
        for (int i = 0; i < count; i++) {
            grown[i] = items[(head + i) & (items.length - 1)];
        }
        items = grown;
        head = 0;
    }
}
