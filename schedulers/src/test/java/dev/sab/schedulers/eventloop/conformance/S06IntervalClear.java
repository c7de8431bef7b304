package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Timeout;

/** Twin of 06-interval-clear.js. */
public final class S06IntervalClear implements Scenario {
    @Override
    public String id() {
        return "06-interval-clear";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                int[] n = {0};
                Timeout[] interval = new Timeout[1];
                interval[0] = loop.setInterval(() -> {
                    int now = ++n[0];
                    t.log("interval " + now);
                    loop.nextTick(() -> t.log("tick after interval " + now));
                    if (now == 3) {
                        loop.clearInterval(interval[0]);
                        t.log("cleared");
                        loop.setTimeout(() -> t.log("a timeout after the interval ended"), 20);
                    }
                }, 5);
            });
        }
    }
}
