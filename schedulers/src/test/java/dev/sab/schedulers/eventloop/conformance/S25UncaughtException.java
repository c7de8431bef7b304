package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;

/** Twin of 25-uncaught-exception.js. */
public final class S25UncaughtException implements Scenario {
    @Override
    public String id() {
        return "25-uncaught-exception";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                loop.onUncaughtException(e -> t.log("uncaught: " + e.getMessage()));
                // both callbacks are made before either timer is set: a JVM's first use of a lambda can
                // take a millisecond, which would put the two 1 ms timers a millisecond apart
                Runnable first = () -> {
                    t.log("timer 1 throws");
                    throw new RuntimeException("from timer 1");
                };
                Runnable second = () -> t.log("timer 2 still runs");
                loop.setTimeout(first, 1);
                loop.setTimeout(second, 1);
                loop.nextTick(() -> {
                    throw new RuntimeException("from a tick");
                });
                loop.queueMicrotask(() -> {
                    throw new RuntimeException("from a microtask");
                });
                loop.setImmediate(() -> t.log("immediate still runs"));
                t.log("main");
                Trace.spin(5); // the 1 ms timers are due before the loop starts
            });
        }
    }
}
