package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 03-nexttick-promise-queuemicrotask.js. */
public final class S03NextTickPromiseQueueMicrotask implements Scenario {
    @Override
    public String id() {
        return "03-nexttick-promise-queuemicrotask";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise.resolve().thenRun(() -> {
                    t.log("promise 1");
                    loop.nextTick(() -> t.log("tick queued by promise 1"));
                    loop.queueMicrotask(() -> t.log("microtask queued by promise 1"));
                });
                loop.queueMicrotask(() -> t.log("queueMicrotask 1"));
                loop.nextTick(() -> {
                    t.log("tick 1");
                    Promise.resolve().thenRun(() -> t.log("promise queued by tick 1"));
                    loop.nextTick(() -> t.log("tick queued by tick 1"));
                });
                loop.nextTick(() -> t.log("tick 2"));
                t.log("main");
            });
        }
    }
}
