package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.AggregateException;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;

import java.util.List;
import java.util.stream.Collectors;

/** Twin of 19-promise-combinators.js. */
public final class S19PromiseCombinators implements Scenario {
    @Override
    public String id() {
        return "19-promise-combinators";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Promise.all(Promise.resolve(1), Promise.resolve(2), delayed(loop, 3, 5))
                        .thenAccept(v -> t.log("all: " + v.stream().map(String::valueOf).collect(Collectors.joining(","))));
                Promise.all(Promise.resolve(1), Promise.<Integer>reject(new RuntimeException("no")))
                        .catchError(e -> {
                            t.log("all rejected: " + e.getMessage());
                            return null;
                        });
                Promise.allSettled(Promise.resolve("ok"), Promise.<String>reject(new RuntimeException("bad")))
                        .thenAccept(r -> t.log("allSettled: " + r.stream()
                                .map(x -> x.status() + ":" + (x.isFulfilled() ? x.value() : x.reason().getMessage()))
                                .collect(Collectors.joining(","))));
                Promise.race(delayed(loop, "slow", 20), delayed(loop, "fast", 5)).thenAccept(v -> t.log("race: " + v));
                Promise.any(Promise.<String>reject(new RuntimeException("x")), delayed(loop, "any-ok", 10))
                        .thenAccept(v -> t.log("any: " + v));
                Promise.any(List.of(Promise.<String>reject(new RuntimeException("x")), Promise.<String>reject(new RuntimeException("y"))))
                        .catchError(e -> {
                            AggregateException a = (AggregateException) e;
                            t.log("any rejected: AggregateError of " + a.errors().stream().map(Throwable::getMessage)
                                    .collect(Collectors.joining(",")));
                            return null;
                        });
                Promise.resolve().thenRun(() -> t.log("turn 1")).thenRun(() -> t.log("turn 2")).thenRun(() -> t.log("turn 3"));
            });
        }
    }

    private static <T> Promise<T> delayed(EventLoop loop, T value, long ms) {
        return new Promise<>((resolve, reject) -> loop.setTimeout(() -> resolve.accept(value), ms));
    }
}
