package dev.sab.schedulers.eventloop.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * libuv's thread pool ({@code src/threadpool.c}): a fixed number of OS threads, started on first
 * use, taking work from one FIFO queue under one mutex, for the calls that would block the loop
 * (file system, DNS, crypto, user {@code queueWork}). A finished request is handed to its loop's
 * completion queue and the loop is woken through an async handle, so its callback runs on the loop
 * thread in the poll phase.
 *
 * <p>As in Node, one pool serves a whole process: the main loop and every worker loop share it.
 * Left out: libuv's cap of half the threads for "slow I/O" requests (only DNS uses it in Node).
 *
 * <p>Thread-safe.
 */
public final class ThreadPool {
    /** libuv: {@code default_threadpool[4]}, overridable with UV_THREADPOOL_SIZE. */
    public static final int DEFAULT_SIZE = 4;
    /** libuv: {@code MAX_THREADPOOL_SIZE}. */
    public static final int MAX_SIZE = 1024;

    private final int size;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final ArrayDeque<WorkRequest> queue = new ArrayDeque<>(); // guarded by lock
    private Thread[] threads;        // guarded by lock; null until the first submit
    private boolean shutdown;        // guarded by lock
    private long submitted;          // guarded by lock
    private long completed;          // guarded by lock
    private int busy;                // guarded by lock
    private int peakQueued;          // guarded by lock
    private long queueWaitNanos;     // guarded by lock: total time requests spent queued

    public ThreadPool(int size, String name) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("thread pool size " + size + " is out of range; valid: 1.." + MAX_SIZE);
        }
        this.size = size;
        this.name = name;
    }

    public int size() {
        return size;
    }

    /** Queues {@code request}; starts the threads on first use ({@code init_once}). Thread-safe. */
    void submit(WorkRequest request) {
        lock.lock();
        try {
            if (shutdown) {
                throw new IllegalStateException("thread pool " + name + " is shut down");
            }
            if (threads == null) {
                startThreads();
            }
            request.queuedAtNanos = System.nanoTime();
            queue.addLast(request);
            submitted++;
            peakQueued = Math.max(peakQueued, queue.size());
            workAvailable.signal();
        } finally {
            lock.unlock();
        }
    }

    private void startThreads() {
        threads = new Thread[size];
        for (int i = 0; i < size; i++) {
            Thread t = Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(this::work);
            threads[i] = t;
            t.start();
        }
    }

    private void work() {
        while (true) {
            WorkRequest r;
            lock.lock();
            try {
                while (queue.isEmpty() && !shutdown) {
                    workAvailable.awaitUninterruptibly();
                }
                if (shutdown && queue.isEmpty()) {
                    return;
                }
                r = queue.pollFirst();
                busy++;
                queueWaitNanos += System.nanoTime() - r.queuedAtNanos;
            } finally {
                lock.unlock();
            }
            r.runWork();
            lock.lock();
            try {
                busy--;
                completed++;
            } finally {
                lock.unlock();
            }
            r.loop.completeWork(r);
        }
    }

    /** Stops the threads once the queue is empty. Idempotent; thread-safe. */
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A consistent snapshot of the pool's counters. Thread-safe. */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(size, threads == null ? 0 : threads.length, submitted, completed, queue.size(), peakQueued,
                    busy, queueWaitNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param size           configured threads
     * @param started        threads started so far (0 before the first request)
     * @param submitted      requests queued, ever
     * @param completed      requests finished on a pool thread, ever
     * @param queued         requests waiting for a thread now
     * @param peakQueued     the most requests ever waiting at once
     * @param busy           threads running a request now
     * @param queueWaitNanos total time requests spent waiting for a thread
     */
    public record Stats(int size, int started, long submitted, long completed, int queued, int peakQueued, int busy,
                        long queueWaitNanos) {
    }
}
