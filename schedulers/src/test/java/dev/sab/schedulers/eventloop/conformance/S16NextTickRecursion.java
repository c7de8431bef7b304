package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 16-nexttick-recursion.js. */
public final class S16NextTickRecursion implements Scenario {
    @Override
    public String id() {
        return "16-nexttick-recursion";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                int[] depth = {0};
                Runnable[] tick = new Runnable[1];
                tick[0] = () -> {
                    t.log("tick " + depth[0]);
                    if (++depth[0] < 4) {
                        loop.nextTick(tick[0]);
                    }
                };
                Promise.resolve().thenRun(() -> t.log("promise"));
                loop.nextTick(tick[0]);
                loop.setImmediate(() -> t.log("immediate"));
            });
        }
    }
}
