package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Worker;

/** Twin of 28-worker-error.js. */
public final class S28WorkerError implements Scenario {
    @Override
    public String id() {
        return "28-worker-error";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Worker failing = new Worker(w -> w.loop().setTimeout(() -> {
                    throw new RuntimeException("worker failed");
                }, 5));
                failing.onError(e -> t.log("error event: " + e.getMessage()));
                failing.onExit(code -> {
                    t.log("failing worker exit code " + code);
                    Worker looping = new Worker(w -> w.loop().setInterval(() -> { }, 1000));
                    looping.onOnline(() -> {
                        t.log("looping worker online");
                        looping.terminate().thenAccept(c -> t.log("terminate resolved with " + c));
                    });
                    looping.onExit(c -> t.log("looping worker exit code " + c));
                });
            });
        }
    }
}
