package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 18-unhandled-rejection.js. */
public final class S18UnhandledRejection implements Scenario {
    @Override
    public String id() {
        return "18-unhandled-rejection";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                loop.onUnhandledRejection((reason, p) -> t.log("unhandledRejection: " + reason.getMessage()));
                Promise<Object> late = Promise.reject(new RuntimeException("handled too late"));
                Promise<Object> early = Promise.reject(new RuntimeException("handled in time"));
                Promise.resolve().thenRun(() -> early.catchError(e -> {
                    t.log("early handled in a microtask");
                    return null;
                }));
                Promise.reject(new RuntimeException("never handled"));
                loop.setTimeout(() -> late.catchError(e -> {
                    t.log("late handled in a timer");
                    return null;
                }), 1);
                t.log("main");
            });
        }
    }
}
