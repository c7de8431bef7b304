package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 04-promise-adoption.js: thenCompose is the then whose callback returns a promise. */
public final class S04PromiseAdoption implements Scenario {
    @Override
    public String id() {
        return "04-promise-adoption";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise.resolve()
                        .thenCompose(v -> {
                            t.log("A1 returns Promise.resolve(2)");
                            return Promise.resolve(2);
                        })
                        .thenAccept(v -> t.log("A2 got " + v));
                Promise.resolve()
                        .then(v -> {
                            t.log("B1 returns 2");
                            return 2;
                        })
                        .thenAccept(v -> t.log("B2 got " + v));
                Promise.resolve()
                        .thenRun(() -> t.log("C1"))
                        .thenRun(() -> t.log("C2"))
                        .thenRun(() -> t.log("C3"))
                        .thenRun(() -> t.log("C4"))
                        .thenRun(() -> t.log("C5"));
            });
        }
    }
}
