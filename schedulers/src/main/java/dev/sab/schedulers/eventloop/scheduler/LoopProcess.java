package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.eventloop.AsyncHandle;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.EventLoopDelayMonitor;
import dev.sab.schedulers.eventloop.EventLoopOptions;
import dev.sab.schedulers.eventloop.WorkerPool;
import dev.sab.schedulers.internal.TaskRun;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * One event loop on its own platform thread, as one Node process: what {@code eventloop} runs
 * once and {@code eventloop-cluster} runs N times. Tasks from other threads come in through an
 * async handle (libuv's {@code uv_async_send}), which also keeps the loop alive while the
 * scheduler is open, the way a listening server keeps a Node process alive.
 *
 * <p>Shutdown: (1) {@link #shutdown()} asks the loop to close its inbox handle; (2) the loop, having
 * nothing else left, leaves {@code run()} as a Node process exits; (3) the thread ends and the
 * loop's resources are released.
 */
final class LoopProcess {
    private final EventLoop loop;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> inboxQueue = new ConcurrentLinkedQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CpuOffload offload;
    private volatile AsyncHandle inbox;          // written once by the loop thread before started opens (read by submitters after it)
    private volatile boolean closing;            // written by shutdown(), read by the loop in drainInbox() after the send that follows
    private volatile EventLoopDelayMonitor delay; // written once by the loop thread, read by metrics() on any thread
    private WorkerPool cpuPool; // loop thread only
    private volatile long cpuOffloaded; // single writer, the loop thread; read by metrics() on any thread
    private volatile Throwable crashed; // written by the loop thread before started opens, read by start() after

    LoopProcess(String name, EventLoopOptions options, CpuOffload offload) {
        this.loop = EventLoop.create(options);
        this.offload = offload;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::main);
    }

    void start() {
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (crashed != null) {
            throw new IllegalStateException("event loop " + loop.name() + " failed to start: " + crashed, crashed);
        }
    }

    private void main() {
        try {
            loop.run(() -> {
                inbox = loop.createAsync(this::drainInbox);
                EventLoopDelayMonitor monitor = loop.monitorEventLoopDelay();
                monitor.enable();
                delay = monitor;
                if (offload.workers() > 0) {
                    cpuPool = WorkerPool.create(CpuWork.pool(loop.name(), offload.workers()));
                }
                started.countDown();
            });
        } catch (Throwable t) {
            crashed = t;
            started.countDown();
            System.err.println("sab: event loop " + loop.name() + " ended with " + t);
        }
    }

    /** Runs {@code task} on the loop thread as a poll-phase callback. Thread-safe. */
    void execute(Runnable task) {
        inboxQueue.offer(task);
        AsyncHandle h = inbox;
        h.send();
    }

    /** Starts {@code run} as a coroutine on this loop. Thread-safe. */
    void startTask(TaskRun<?> run) {
        execute(() -> startOnLoop(run));
    }

    /** Called only on the loop thread (or a coroutine on it). */
    void startOnLoop(TaskRun<?> run) {
        loop.async(() -> {
            run.run();
            return null;
        });
    }

    private void drainInbox() {
        Runnable r;
        while ((r = inboxQueue.poll()) != null) {
            r.run();
        }
        if (closing) {
            if (cpuPool != null) {
                cpuPool.close();
            }
            inbox.close(); // the last ref'd handle: the loop exits once nothing else is pending
        }
    }

    /** Lets the loop exit once it is idle and waits for its thread. Thread-safe; called once. */
    void shutdown() {
        closing = true;
        inbox.send();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        loop.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * The CPU worker pool a call of {@code units} goes to ({@code workers=N}, at least
     * {@code offload} units), or null when it runs inline. Called only on the loop thread.
     */
    WorkerPool cpuPoolFor(long units) {
        assert Thread.currentThread().isVirtual() || Thread.currentThread() == thread : "called off the loop";
        if (!offload.offloads(units)) {
            return null;
        }
        cpuOffloaded = cpuOffloaded + 1; // single writer: a plain increment published by the volatile store
        return cpuPool;
    }

    /** Cpu calls sent to the worker pool so far. Any thread. */
    long cpuOffloaded() {
        return cpuOffloaded;
    }

    EventLoopDelayMonitor delayMonitor() {
        return delay;
    }
}
