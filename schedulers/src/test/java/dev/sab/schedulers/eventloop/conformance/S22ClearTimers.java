package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Immediate;
import dev.sab.schedulers.eventloop.Timeout;

/** Twin of 22-clear-timers.js. */
public final class S22ClearTimers implements Scenario {
    @Override
    public String id() {
        return "22-clear-timers";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Timeout never = loop.setTimeout(() -> t.log("cleared timeout must not run"), 5);
                loop.clearTimeout(never);
                int[] n = {0};
                Timeout[] iv = new Timeout[1];
                iv[0] = loop.setInterval(() -> {
                    t.log("interval " + ++n[0]);
                    if (n[0] == 2) {
                        loop.clearInterval(iv[0]);
                    }
                }, 3);
                loop.setTimeout(() -> {
                    Immediate[] second = new Immediate[1];
                    loop.setImmediate(() -> {
                        t.log("immediate 1 clears immediate 2");
                        loop.clearImmediate(second[0]);
                    });
                    second[0] = loop.setImmediate(() -> t.log("cleared immediate must not run"));
                    loop.setImmediate(() -> t.log("immediate 3"));
                }, 100);
                loop.clearTimeout(null);
                t.log("main");
            });
        }
    }
}
