package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 05-resolve-with-promise.js. */
public final class S05ResolveWithPromise implements Scenario {
    @Override
    public String id() {
        return "05-resolve-with-promise";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise<String> p = Promise.resolve("v");
                Promise<String> viaExecutor = new Promise<>((resolve, reject) -> resolve.adopt(p));
                Promise<String> viaResolve = Promise.resolve(p);
                t.log("Promise.resolve(p) === p: " + (viaResolve == p));
                viaExecutor.thenRun(() -> t.log("adopted via executor"));
                viaResolve.thenRun(() -> t.log("Promise.resolve(p)"));
                loop.async(() -> {
                    EventLoop.await(p);
                    t.log("after await p");
                    return null;
                });
                Promise.resolve().thenRun(() -> t.log("turn 1")).thenRun(() -> t.log("turn 2"))
                        .thenRun(() -> t.log("turn 3")).thenRun(() -> t.log("turn 4"));
            });
        }
    }
}
