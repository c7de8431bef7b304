package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 15-timers-microtasks-between.js. */
public final class S15TimersMicrotasksBetween implements Scenario {
    @Override
    public String id() {
        return "15-timers-microtasks-between";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                for (int i = 1; i <= 2; i++) {
                    int n = i;
                    loop.setTimeout(() -> {
                        t.log("timer " + n);
                        loop.nextTick(() -> t.log("tick from timer " + n));
                        Promise.resolve().thenRun(() -> t.log("promise from timer " + n));
                    }, 5);
                }
            });
        }
    }
}
