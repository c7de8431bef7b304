package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 01-seed-comprehensive.js: the seed article's comprehensive trace. */
public final class S01SeedComprehensive implements Scenario {
    @Override
    public String id() {
        return "01-seed-comprehensive";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                loop.setTimeout(() -> {
                    t.log("Timer Callback (Phase 1)");
                    loop.nextTick(() -> t.log("NextTick inside Timer (VIP Lane)"));
                    Promise.resolve().thenRun(() -> t.log("Promise inside Timer (VIP Lane)"));
                }, 0);
                loop.readFile(t.script(), (err, data) -> {
                    t.log("File Read Callback (Phase 4 - Poll)");
                    loop.setImmediate(() -> t.log("SetImmediate Callback (Phase 5 - Check)"));
                });
                t.log("Main Stack Script Execution Complete.");
                Trace.spin(5);
            });
        }
    }
}
