package dev.sab.schedulers.gmp;

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
    private final SchedLock schedLock;
    private Runnable[] items = new Runnable[64];
    private int head;
    private int count;
    private volatile int publishedSize; // written under the lock, read by anyone

    GlobalRunQueue(SchedLock schedLock) {
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
     * Moves a fair share of the queue into {@code out}: at most {@code out.length}, at most
     * {@code size/procs + 1}, oldest first. {@code out[0]} is the G to run, the rest go to the
     * caller's local queue. The size is published once for the whole batch: the lock is held by
     * every spawn from outside, so a batch of up to 128 must not hold it for 128 volatile writes.
     * Called only with the scheduler lock held. (Go: {@code globrunqget})
     *
     * @return how many Gs were moved
     */
    int getBatch(Runnable[] out, int procs) {
        assert schedLock.isHeldByCurrentThread();
        int n = Math.min(Math.min(out.length, count), count / procs + 1);
        int mask = items.length - 1;
        for (int i = 0; i < n; i++) {
            int slot = (head + i) & mask;
            out[i] = items[slot];
            items[slot] = null;
        }
        head = (head + n) & mask;
        count -= n;
        publishedSize = count;
        return n;
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
