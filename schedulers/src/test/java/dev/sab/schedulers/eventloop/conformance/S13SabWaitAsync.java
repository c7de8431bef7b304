package dev.sab.schedulers.eventloop.conformance;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.WaitAsyncResult;
import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.Promise;
import dev.sab.schedulers.eventloop.Timeout;
import dev.sab.schedulers.eventloop.Worker;

/** Twin of 13-sab-waitasync.js: sab-core's SharedArrayBuffer and Atomics, the loop's waitAsync. */
public final class S13SabWaitAsync implements Scenario {
    @Override
    public String id() {
        return "13-sab-waitasync";
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create()) {
            loop.run(() -> {
                Int32Array shared = new Int32Array(new SharedArrayBuffer(8));
                WaitAsyncResult notEqual = Atomics.waitAsync(shared, 1, 5);
                t.log("waitAsync on a value that differs: async=" + notEqual.async() + " value=" + notEqual.value());
                loop.waitAsync(shared, 1, 0, 5).thenAccept(v -> t.log("waitAsync with a 5 ms timeout: " + v));
                Promise<dev.sab.core.WaitResult> waiting = loop.waitAsync(shared, 0, 0);
                t.log("waitAsync on index 0: async=" + (waiting.state() == Promise.State.PENDING));
                waiting.thenAccept(v -> t.log("waitAsync resolved: " + v + ", and the worker wrote "
                        + Atomics.load(shared, 0) + " into the shared memory"));
                Worker worker = new Worker(w -> {
                    Int32Array ia = new Int32Array((SharedArrayBuffer) w.workerData());
                    w.loop().setTimeout(() -> {
                        Atomics.store(ia, 0, 42);
                        Atomics.notify(ia, 0, 1);
                    }, 200);
                }, shared.buffer());
                worker.onExit(code -> t.log("worker exited with code " + code));
                int[] ticks = {0};
                Timeout[] beat = new Timeout[1];
                beat[0] = loop.setInterval(() -> {
                    if (++ticks[0] == 3) {
                        t.log("the loop kept running while waiting");
                        loop.clearInterval(beat[0]);
                    }
                }, 20);
            });
        }
    }
}
