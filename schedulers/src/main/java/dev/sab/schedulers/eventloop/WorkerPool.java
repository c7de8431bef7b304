package dev.sab.schedulers.eventloop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pool of {@link Worker}s in the manner of Piscina: {@link #run} hands a task to an idle worker,
 * starts a new one while fewer than {@code maxThreads} run, or queues it (FIFO) until a worker is
 * free; the promise settles with the handler's result or error, copied back by structured clone.
 * {@code minThreads} workers start at once; extra ones stop after {@code idleTimeout} idle. An idle
 * worker does not keep the loop alive (Piscina unrefs it); a busy one does.
 *
 * <p>Made on, and called only on, its loop's thread.
 */
public final class WorkerPool implements AutoCloseable {

    /** What travels to a worker and back: a task, or its result or error. */
    record Message(long id, Object payload, Throwable error) {
    }

    private record Task(long id, Object payload, Promise<Object> promise) {
    }

    /** One worker and what it is doing. */
    private final class PoolWorker {
        final Worker worker;
        Task current;
        Timeout idleTimer;

        PoolWorker() {
            WorkerPoolOptions.Handler handler = options.handler();
            this.worker = new Worker(ctx -> ctx.parentPort().onMessage(m -> handleInWorker(ctx, handler, (Message) m)));
            worker.onMessage(m -> completed(this, (Message) m));
            worker.onExit(code -> exited(this));
            worker.unref();
        }
    }

    private final EventLoop loop;
    private final WorkerPoolOptions options;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final List<PoolWorker> workers = new ArrayList<>();
    private final ArrayDeque<PoolWorker> idle = new ArrayDeque<>();
    private long nextId;
    private long completedTasks;
    private boolean closed;

    private WorkerPool(EventLoop loop, WorkerPoolOptions options) {
        this.loop = loop;
        this.options = options;
        for (int i = 0; i < options.minThreads(); i++) {
            PoolWorker w = new PoolWorker();
            workers.add(w);
            idle.add(w);
        }
    }

    /** {@code new Piscina(options)} on the current loop. */
    public static WorkerPool create(WorkerPoolOptions options) {
        Objects.requireNonNull(options, "options");
        return new WorkerPool(EventLoop.current(), options);
    }

    /** {@code pool.run(task)}: a promise of the handler's result. */
    @SuppressWarnings("unchecked")
    public <T> Promise<T> run(Object task) {
        loop.checkThread("WorkerPool.run");
        if (closed) {
            return Promise.reject(new IllegalStateException("worker pool " + options.name() + " is closed"));
        }
        Promise<Object> p = new Promise<>(loop);
        Task t = new Task(nextId++, task, p);
        PoolWorker w = idle.pollFirst();
        if (w == null && workers.size() < options.maxThreads()) {
            w = new PoolWorker();
            workers.add(w);
        }
        if (w != null) {
            assign(w, t);
        } else {
            queue.addLast(t);
        }
        return (Promise<T>) (Promise<?>) p;
    }

    private void assign(PoolWorker w, Task t) {
        if (w.idleTimer != null) {
            loop.clearTimeout(w.idleTimer);
            w.idleTimer = null;
        }
        w.current = t;
        w.worker.ref(); // a busy worker holds the loop alive
        w.worker.postMessage(new Message(t.id(), t.payload(), null));
    }

    /** Runs on the worker's loop thread. */
    private static void handleInWorker(WorkerContext ctx, WorkerPoolOptions.Handler handler, Message m) {
        Object result;
        try {
            result = handler.handle(m.payload());
        } catch (Throwable t) {
            ctx.parentPort().postMessage(new Message(m.id(), null, t));
            return;
        }
        if (result instanceof Promise<?> p) {
            p.then(v -> {
                ctx.parentPort().postMessage(new Message(m.id(), v, null));
                return null;
            }, e -> {
                ctx.parentPort().postMessage(new Message(m.id(), null, e));
                return null;
            });
        } else {
            ctx.parentPort().postMessage(new Message(m.id(), result, null));
        }
    }

    private void completed(PoolWorker w, Message m) {
        Task t = w.current;
        if (t == null || t.id() != m.id()) {
            return;
        }
        w.current = null;
        completedTasks++;
        if (m.error() != null) {
            t.promise().rejectNow(m.error());
        } else {
            t.promise().fulfillNow(m.payload());
        }
        Task next = queue.pollFirst();
        if (next != null) {
            assign(w, next);
            return;
        }
        w.worker.unref();
        idle.addLast(w);
        if (workers.size() > options.minThreads()) {
            w.idleTimer = loop.setTimeout(() -> retire(w), options.idleTimeout().toMillis());
            w.idleTimer.unref();
        }
    }

    private void retire(PoolWorker w) {
        if (w.current == null && workers.size() > options.minThreads()) {
            idle.remove(w);
            workers.remove(w);
            w.worker.terminate();
        }
    }

    private void exited(PoolWorker w) {
        workers.remove(w);
        idle.remove(w);
        if (w.current != null) {
            w.current.promise().rejectNow(new IllegalStateException("worker " + w.worker.threadId() + " exited during a task"));
            w.current = null;
        }
    }

    /** Workers running now ({@code pool.threads.length}). */
    public int threads() {
        loop.checkThread("WorkerPool.threads");
        return workers.size();
    }

    /** Tasks waiting for a worker ({@code pool.queueSize}). */
    public int queueSize() {
        loop.checkThread("WorkerPool.queueSize");
        return queue.size();
    }

    /** Tasks finished. */
    public long completed() {
        loop.checkThread("WorkerPool.completed");
        return completedTasks;
    }

    /** {@code pool.destroy()}: stops every worker and rejects the tasks still waiting. */
    @Override
    public void close() {
        loop.checkThread("WorkerPool.close");
        if (closed) {
            return;
        }
        closed = true;
        Task t;
        while ((t = queue.pollFirst()) != null) {
            t.promise().rejectNow(new IllegalStateException("worker pool " + options.name() + " was closed"));
        }
        for (PoolWorker w : List.copyOf(workers)) {
            w.worker.terminate();
        }
    }
}
