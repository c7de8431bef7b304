package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;

/** Twin of 21-immediate-vs-timeout-in-timer.js. */
public final class S21ImmediateVsTimeoutInTimer implements Scenario {
    @Override
    public String id() {
        return "21-immediate-vs-timeout-in-timer";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.setTimeout(() -> {
                loop.setTimeout(() -> t.log("timeout 0"), 0);
                loop.setImmediate(() -> t.log("immediate"));
                t.log("timer callback");
            }, 1));
        }
    }
}
