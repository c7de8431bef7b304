package dev.sab.schedulers.eventloop;

import java.util.Map;

/**
 * A snapshot of a loop's counters, as published at its last phase boundary (a loop starved inside
 * one phase publishes nothing new until it leaves it). Every count only grows, except the gauges
 * marked as such.
 *
 * @param iterations          loop iterations
 * @param callbacksByPhase    macrotask callbacks run, by phase name (timers, pending, idle, prepare, poll, check, close, main)
 * @param ticks               nextTick callbacks run
 * @param microtasks          promise jobs and queueMicrotask callbacks run
 * @param idleNanos           time blocked in the poll phase
 * @param blockingPolls       poll phases that blocked
 * @param ioEvents            I/O readiness events dispatched
 * @param utilization         event loop utilization since start
 * @param threadPoolSize      threads in the pool (configured)
 * @param threadPoolQueued    gauge: requests waiting for a pool thread now
 * @param threadPoolPeakQueued gauge: the most requests ever waiting at once
 * @param threadPoolSubmitted requests queued to the pool, by every loop sharing it
 * @param threadPoolCompleted requests the pool finished
 * @param threadPoolBusy      gauge: pool threads running a request now
 */
public record EventLoopStats(long iterations, Map<String, Long> callbacksByPhase, long ticks, long microtasks,
                             long idleNanos, long blockingPolls, long ioEvents, EventLoopUtilization utilization,
                             int threadPoolSize, int threadPoolQueued, int threadPoolPeakQueued, long threadPoolSubmitted,
                             long threadPoolCompleted, int threadPoolBusy) {

    public EventLoopStats {
        callbacksByPhase = Map.copyOf(callbacksByPhase);
    }

    /** Callbacks run in every phase together. */
    public long callbacks() {
        return callbacksByPhase.values().stream().mapToLong(Long::longValue).sum();
    }
}
