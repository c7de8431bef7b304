package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;

/** Twin of 02-immediate-vs-timeout-in-io.js. */
public final class S02ImmediateVsTimeoutInIo implements Scenario {
    @Override
    public String id() {
        return "02-immediate-vs-timeout-in-io";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> loop.readFile(t.script(), (err, data) -> {
                loop.setTimeout(() -> t.log("timeout"), 0);
                loop.setImmediate(() -> t.log("immediate"));
                loop.nextTick(() -> t.log("nextTick"));
                t.log("readFile callback");
            }));
        }
    }
}
