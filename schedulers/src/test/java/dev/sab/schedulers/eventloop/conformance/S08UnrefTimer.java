package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Timeout;

/** Twin of 08-unref-timer.js: run() returning is the process's 'exit'. */
public final class S08UnrefTimer implements Scenario {
    @Override
    public String id() {
        return "08-unref-timer";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                loop.setTimeout(() -> t.log("unref timeout must not run"), 500).unref();
                loop.setInterval(() -> t.log("unref interval must not run"), 300).unref();
                Timeout re = loop.setTimeout(() -> t.log("re-ref'd timeout runs"), 15);
                re.unref();
                re.ref();
                loop.setTimeout(() -> t.log("ref timeout 10ms"), 10);
                t.log("main");
            });
            t.log("exit 0");
        }
    }
}
