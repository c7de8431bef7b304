package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.EventLoopOptions;
import dev.sab.schedulers.eventloop.LoopStall;
import dev.sab.schedulers.eventloop.Promise;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Twin of 11-starvation-watchdog.js. The JavaScript builds its watchdog from a worker and a shared
 * heartbeat; here it is the loop's own (EventLoopOptions.watchdog), whose handler runs on the
 * watchdog's thread and raises the flag the chain checks.
 */
public final class S11StarvationWatchdog implements Scenario {
    @Override
    public String id() {
        return "11-starvation-watchdog";
    }

    @Override
    public void run(Trace t) {
        AtomicReference<LoopStall> reported = new AtomicReference<>();
        EventLoopOptions options = EventLoopOptions.builder()
                // 500 ms, not the JavaScript's 200: long enough that an OS stall of the loop thread on a
                // loaded machine is not reported as a blocked callback first
                .watchdog(Duration.ofMillis(500), s -> reported.compareAndSet(null, s), false)
                .build();
        try (EventLoop loop = EventLoop.create(options)) {
            loop.run(() -> {
                loop.setTimeout(() -> t.log("timer ran"), 10);
                t.log("starving the loop with a recursive promise chain");
                starve(loop, t, reported);
            });
        }
    }

    private static void starve(EventLoop loop, Trace t, AtomicReference<LoopStall> reported) {
        Promise.resolve().thenRun(() -> {
            LoopStall stall = reported.get();
            if (stall != null) {
                t.log(stall.kind() == LoopStall.Kind.STARVED ? "watchdog: loop starved, stopping the chain"
                        : "watchdog reported " + stall.kind());
                return;
            }
            starve(loop, t, reported);
        });
    }
}
