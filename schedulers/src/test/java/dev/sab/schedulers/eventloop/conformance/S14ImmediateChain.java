package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 14-immediate-chain.js. */
public final class S14ImmediateChain implements Scenario {
    @Override
    public String id() {
        return "14-immediate-chain";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.readFile(t.script(), (err, data) -> {
                loop.setImmediate(() -> {
                    t.log("immediate A");
                    Promise.resolve().thenRun(() -> t.log("promise after A"));
                    loop.setImmediate(() -> t.log("immediate C (queued by A: next iteration)"));
                });
                loop.setImmediate(() -> {
                    t.log("immediate B");
                    loop.nextTick(() -> t.log("tick after B"));
                });
                loop.setTimeout(() -> t.log("timeout 0 (next iteration's timers phase, before C)"), 0);
                Trace.spin(3);
            }));
        }
    }
}
