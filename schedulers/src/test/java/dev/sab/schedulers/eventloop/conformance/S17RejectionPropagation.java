package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

/** Twin of 17-rejection-propagation.js. */
public final class S17RejectionPropagation implements Scenario {
    @Override
    public String id() {
        return "17-rejection-propagation";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> Promise.<String>reject(new RuntimeException("first"))
                    .thenRun(() -> t.log("skipped"))
                    .thenRun(() -> t.log("skipped too"))
                    .then(v -> (String) null, e -> {
                        t.log("caught " + e.getMessage());
                        return "recovered";
                    })
                    .finallyDo(() -> t.log("finally after recovery"))
                    .then(v -> {
                        t.log("then got " + v);
                        throw new RuntimeException("second");
                    })
                    .finallyDo(() -> t.log("finally after the throw"))
                    .catchError(e -> {
                        t.log("caught " + e.getMessage());
                        return null;
                    }));
        }
    }
}
