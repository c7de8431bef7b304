package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 20-async-await-order.js: EventLoop.async and EventLoop.await are JavaScript's async and await. */
public final class S20AsyncAwaitOrder implements Scenario {
    @Override
    public String id() {
        return "20-async-await-order";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                task(loop, t, "A").thenAccept(v -> t.log("A resolved with " + v));
                task(loop, t, "B");
                Promise.resolve().thenRun(() -> t.log("a promise job queued after both started"));
                t.log("main continues");
            });
        }
    }

    private static Promise<String> task(EventLoop loop, Trace t, String name) {
        return loop.async(() -> {
            t.log(name + " starts");
            EventLoop.await(Promise.resolve());
            t.log(name + " after first await");
            EventLoop.await(new Promise<Void>((resolve, reject) -> loop.setTimeout(() -> resolve.accept(null), 1)));
            t.log(name + " after a timer");
            return name + " result";
        });
    }
}
