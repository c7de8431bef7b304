package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.LoopStats;
import dev.sab.schedulers.eventloop.internal.RingQueue;

/**
 * The two queues that run between macrotasks, and the drain that empties them: Node's
 * {@code processTicksAndRejections} ({@code lib/internal/process/task_queues.js}) over V8's
 * microtask queue.
 *
 * <p>Drain order, after the main script and after every single macrotask callback: every
 * nextTick callback (including ticks queued by ticks), then every microtask (promise jobs and
 * queueMicrotask callbacks, including ones they queue, even if a microtask queues a tick), then
 * the rejections still unhandled; repeat while ticks or reports remain. A drain never nests: a
 * callback boundary reached while draining (a coroutine resumed by a microtask) does not drain.
 *
 * <p>Exceptions, as in Node: a tick that throws abandons the drain (the rest waits for the next
 * one) and propagates to the callback scope, which reports it; a microtask that throws is reported
 * and the microtask queue goes on, as V8 does.
 *
 * <p>Called only on the loop thread.
 */
final class TaskQueues {
    private final EventLoop loop;
    private final LoopStats stats;
    private final RingQueue<Runnable> ticks = new RingQueue<>();
    private final RingQueue<Runnable> microtasks = new RingQueue<>();
    final PromiseRejections rejections;
    private boolean draining;

    TaskQueues(EventLoop loop, LoopStats stats) {
        this.loop = loop;
        this.stats = stats;
        this.rejections = new PromiseRejections(loop);
    }

    /** {@code process.nextTick}. */
    void nextTick(Runnable callback) {
        ticks.push(callback);
    }

    /** V8's EnqueueMicrotask: promise jobs and queueMicrotask. */
    void enqueueMicrotask(Runnable job) {
        microtasks.push(job);
    }

    /**
     * Node's callback-scope close ({@code InternalCallbackScope::Close}, {@code runNextTicks}):
     * drains the queues if anything is queued. Called after every macrotask callback.
     */
    void drain() {
        if (draining || (ticks.isEmpty() && microtasks.isEmpty() && !rejections.hasPending())) {
            return;
        }
        draining = true;
        try {
            do {
                Runnable tick;
                while ((tick = ticks.poll()) != null) {
                    stats.increment(LoopStats.TICKS);
                    loop.scope.runTick(tick);
                }
                runMicrotasks();
            } while (!ticks.isEmpty() || rejections.process());
        } finally {
            draining = false;
        }
    }

    /** V8's {@code MicrotaskQueue::PerformCheckpoint}: runs microtasks until the queue is empty. */
    private void runMicrotasks() {
        Runnable job;
        while ((job = microtasks.poll()) != null) {
            stats.increment(LoopStats.MICROTASKS);
            loop.scope.runMicrotask(job);
        }
    }

    boolean isDraining() {
        return draining;
    }

    int pendingTicks() {
        return ticks.size();
    }

    int pendingMicrotasks() {
        return microtasks.size();
    }
}
