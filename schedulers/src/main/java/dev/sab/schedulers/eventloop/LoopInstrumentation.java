package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.internal.LoopStats;
import dev.sab.schedulers.eventloop.internal.Phase;
import dev.sab.schedulers.eventloop.internal.ThreadPool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loop's perf_hooks: event loop utilization, delay monitors, and the counter snapshot. The
 * readers run on any thread and use only published values.
 */
final class LoopInstrumentation {
    private final EventLoop loop;
    private final List<EventLoopDelayMonitor> monitors = new ArrayList<>(); // loop thread only
    private volatile long loopStartNanos; // 0 until the loop starts (Node: nodeTiming.loopStart); written once by the loop thread, read by any

    LoopInstrumentation(EventLoop loop) {
        this.loop = loop;
    }

    /** Called only on the loop thread, once, as the loop starts. */
    void loopStarted() {
        loopStartNanos = loop.uv.nanoTime();
    }

    EventLoopUtilization utilization() {
        long start = loopStartNanos;
        if (start == 0) {
            return new EventLoopUtilization(0, 0, 0);
        }
        LoopStats stats = loop.loopStats();
        long idle;
        long now;
        while (true) {
            // a blocking poll in progress is idle time not yet published: count it, unless the
            // loop finished that poll while we read (it clears blockedSince, then publishes)
            long blocked = loop.uv.blockedSinceNanos();
            idle = stats.get(LoopStats.IDLE_NANOS);
            now = loop.uv.nanoTime();
            if (loop.uv.blockedSinceNanos() == blocked) {
                if (blocked != 0) {
                    idle += Math.max(0, now - blocked);
                }
                break;
            }
        }
        double idleMs = idle / 1e6;
        double activeMs = Math.max(0, (now - start) / 1e6 - idleMs);
        return EventLoopUtilization.of(idleMs, activeMs);
    }

    EventLoopDelayMonitor delayMonitor(int resolutionMs) {
        EventLoopDelayMonitor m = new EventLoopDelayMonitor(loop, resolutionMs);
        monitors.add(m);
        return m;
    }

    EventLoopStats stats() {
        LoopStats s = loop.loopStats();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            byPhase.put(p.label(), s.callbacks(p));
        }
        ThreadPool.Stats pool = loop.threadPool().stats();
        return new EventLoopStats(s.get(LoopStats.ITERATIONS), byPhase, s.get(LoopStats.TICKS), s.get(LoopStats.MICROTASKS),
                s.get(LoopStats.IDLE_NANOS), s.get(LoopStats.BLOCKING_POLLS), s.get(LoopStats.IO_EVENTS), utilization(),
                pool.size(), pool.queued(), pool.peakQueued(), pool.submitted(), pool.completed(), pool.busy());
    }

    void close() {
        // monitors' timers belong to the loop, which is going away with them
        monitors.clear();
    }
}
