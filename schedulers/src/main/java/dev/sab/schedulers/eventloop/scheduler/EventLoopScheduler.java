package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerMetrics;
import dev.sab.schedulers.TaskHandle;
import dev.sab.schedulers.ValueTask;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.EventLoopDelayMonitor;
import dev.sab.schedulers.eventloop.EventLoopOptions;
import dev.sab.schedulers.eventloop.EventLoopStats;
import dev.sab.schedulers.internal.TaskAccounting;
import dev.sab.schedulers.internal.TaskRun;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event loop as a {@link dev.sab.schedulers.Scheduler}: tasks are coroutines on one loop
 * ({@code eventloop}) or on N independent loops, each its own "process", assigned round-robin
 * ({@code eventloop-cluster}, like Node's cluster module). A task's children stay on its loop.
 *
 * <p>Shutdown: (1) {@link #close()} refuses new tasks from outside; running tasks may still spawn
 * children on their own loops; (2) it waits until no task is in flight; (3) each loop closes its
 * inbox, exits as a Node process does when nothing is left, and its thread ends.
 */
final class EventLoopScheduler implements Scheduler {
    private final String name;
    private final LoopProcess[] processes;
    private final LoopCtx[] contexts;
    private final TaskAccounting tasks = new TaskAccounting();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong nextLoop = new AtomicLong();

    EventLoopScheduler(String name, int loops, EventLoopOptions options, CpuOffload offload) {
        this.name = name;
        this.processes = new LoopProcess[loops];
        this.contexts = new LoopCtx[loops];
        for (int i = 0; i < loops; i++) {
            String loopName = loops == 1 ? name : name + "-" + i;
            EventLoopOptions o = new EventLoopOptions(loopName, options.threadPoolSize(), options.clock(), options.canBlock(),
                    options.unhandledRejections(), options.watchdogThreshold(), options.watchdogHandler(), options.watchdogAbort());
            processes[i] = new LoopProcess(loopName, o, offload);
            contexts[i] = new LoopCtx(this, processes[i]);
        }
        for (LoopProcess p : processes) {
            p.start();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> TaskHandle<T> submit(ValueTask<T> task) {
        if (closed.get()) {
            throw new IllegalStateException("scheduler " + name + " is closed");
        }
        int i = (int) Math.floorMod(nextLoop.getAndIncrement(), (long) processes.length);
        TaskRun<T> run = new TaskRun<>(task, contexts[i], tasks);
        tasks.spawned();
        processes[i].startTask(run);
        return new LoopTaskHandle<>(run);
    }

    /** A child of a running task: on the same loop, started at once (an async call). Called only on that loop. */
    <T> TaskHandle<T> startChild(LoopProcess process, ValueTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, contexts[indexOf(process)], tasks);
        tasks.spawned();
        process.startOnLoop(run);
        return new LoopTaskHandle<>(run);
    }

    private int indexOf(LoopProcess p) {
        for (int i = 0; i < processes.length; i++) {
            if (processes[i] == p) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a loop of " + name);
    }

    /** The process running {@code loop}, or null. Thread-safe. */
    LoopProcess processOf(EventLoop loop) {
        for (LoopProcess p : processes) {
            if (p.loop() == loop) {
                return p;
            }
        }
        return null;
    }

    @Override
    public SchedulerMetrics metrics() {
        SchedulerMetrics.Builder b = SchedulerMetrics.builder(name);
        tasks.report(b);
        long iterations = 0;
        long ticks = 0;
        long microtasks = 0;
        long idle = 0;
        long io = 0;
        long poolCompleted = 0;
        long offloaded = 0;
        int poolQueued = 0;
        int poolPeak = 0;
        double utilization = 0;
        long delayP50 = 0;
        long delayP99 = 0;
        long delayMax = 0;
        java.util.Map<String, Long> callbacks = new java.util.LinkedHashMap<>();
        for (LoopProcess p : processes) {
            EventLoopStats s = p.loop().stats();
            iterations += s.iterations();
            ticks += s.ticks();
            microtasks += s.microtasks();
            idle += s.idleNanos();
            io += s.ioEvents();
            poolCompleted += s.threadPoolCompleted();
            offloaded += p.cpuOffloaded();
            poolQueued += s.threadPoolQueued();
            poolPeak = Math.max(poolPeak, s.threadPoolPeakQueued());
            utilization += s.utilization().utilization() / processes.length;
            s.callbacksByPhase().forEach((phase, n) -> callbacks.merge(phase, n, Long::sum));
            EventLoopDelayMonitor d = p.delayMonitor();
            if (d != null) {
                delayP50 = Math.max(delayP50, d.lateness(50));
                delayP99 = Math.max(delayP99, d.lateness(99));
                delayMax = Math.max(delayMax, d.lateness(100));
            }
        }
        b.gauge("loops", "loops", processes.length, "event loops (one per process in cluster mode)");
        b.counter("iterations", "iterations", iterations, "loop iterations, all loops");
        callbacks.forEach((phase, n) -> b.counter("callbacks." + phase, "callbacks", n,
                "macrotask callbacks run in the " + phase + " phase, all loops"));
        b.counter("ticks", "callbacks", ticks, "process.nextTick callbacks run");
        b.counter("microtasks", "jobs", microtasks, "promise jobs and queueMicrotask callbacks run");
        b.counter("idleTime", "ns", idle, "time the loops spent blocked in the poll phase waiting for events");
        b.counter("ioEvents", "events", io, "I/O readiness events dispatched by the poll phase");
        b.gauge("loopUtilization", "ratio", utilization, "event loop utilization since start (active / (active + idle)), mean of the loops");
        b.gauge("loopDelay.p50", "ns", delayP50, "median lateness of the 10 ms loop-delay timer (monitorEventLoopDelay minus its resolution), worst loop");
        b.gauge("loopDelay.p99", "ns", delayP99, "99th percentile lateness of the loop-delay timer, worst loop");
        b.gauge("loopDelay.max", "ns", delayMax, "largest lateness of the loop-delay timer, worst loop");
        b.gauge("threadPool.queued", "requests", poolQueued, "thread-pool requests waiting for a thread now");
        b.gauge("threadPool.peakQueued", "requests", poolPeak, "the most thread-pool requests ever waiting at once (deepest pool)");
        b.counter("threadPool.completed", "requests", poolCompleted, "thread-pool requests finished");
        b.counter("cpuOffloaded", "calls", offloaded, "cpu calls sent to the worker pool (workers=N, at least offload units)");
        return b.build();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            tasks.awaitDrained();
            for (LoopProcess p : processes) {
                p.shutdown();
            }
        }
    }
}
