package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;

/** Twin of 26-before-exit.js. */
public final class S26BeforeExit implements Scenario {
    @Override
    public String id() {
        return "26-before-exit";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                int[] round = {0};
                loop.onBeforeExit(() -> {
                    t.log("beforeExit " + round[0]);
                    if (round[0]++ < 2) {
                        int r = round[0];
                        loop.setTimeout(() -> t.log("timer scheduled from beforeExit " + r), 1);
                    }
                });
                t.log("main");
            });
        }
    }
}
