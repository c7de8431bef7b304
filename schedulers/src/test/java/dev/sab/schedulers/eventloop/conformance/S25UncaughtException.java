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
                loop.setTimeout(() -> {
                    t.log("timer 1 throws");
                    throw new RuntimeException("from timer 1");
                }, 1);
                loop.setTimeout(() -> t.log("timer 2 still runs"), 1);
                loop.nextTick(() -> {
                    throw new RuntimeException("from a tick");
                });
                loop.queueMicrotask(() -> {
                    throw new RuntimeException("from a microtask");
                });
                loop.setImmediate(() -> t.log("immediate still runs"));
                t.log("main");
            });
        }
    }
}
