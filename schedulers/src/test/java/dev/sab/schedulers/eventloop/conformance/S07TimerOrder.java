package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;

import java.util.List;

/** Twin of 07-timer-order.js. */
public final class S07TimerOrder implements Scenario {
    @Override
    public String id() {
        return "07-timer-order";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                // The callbacks are made first: a JVM's first use of a lambda or class costs milliseconds,
                // which would spread the timers' start times apart; the JavaScript sets all seven within one.
                List<String> names = List.of("a 20ms", "b 10ms", "c 10ms", "d 20ms", "e 0ms (1ms)", "f 1ms", "g 15ms");
                long[] delays = {20, 10, 10, 20, 0, 1, 15};
                List<Runnable> callbacks = names.stream().<Runnable>map(n -> () -> t.log(n)).toList();
                for (int i = 0; i < delays.length; i++) {
                    loop.setTimeout(callbacks.get(i), delays[i]);
                }
                Trace.spin(40);
                t.log("main done");
            });
        }
    }
}
