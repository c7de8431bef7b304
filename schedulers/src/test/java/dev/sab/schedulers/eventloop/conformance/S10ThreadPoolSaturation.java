package dev.sab.schedulers.eventloop.conformance;

import dev.sab.schedulers.eventloop.EventLoop;
import dev.sab.schedulers.eventloop.EventLoopOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Twin of 10-threadpool-saturation.js: five pool jobs that each block a pool thread until their
 * data arrives (a latch here, a FIFO read there), on a pool of four.
 */
public final class S10ThreadPoolSaturation implements Scenario {
    @Override
    public String id() {
        return "10-threadpool-saturation";
    }

    private record Finished(int id, long atMs) {
    }

    @Override
    public void run(Trace t) {
        try (EventLoop loop = EventLoop.create(EventLoopOptions.builder().threadPoolSize(4).build())) {
            loop.run(() -> {
                CountDownLatch[] data = new CountDownLatch[6];
                long start = System.nanoTime();
                List<Finished> finished = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    int id = i;
                    data[i] = new CountDownLatch(1);
                    loop.queueWork(() -> {
                        data[id].await(); // blocks a pool thread, as the FIFO read does
                        return null;
                    }, (err, ignored) -> {
                        finished.add(new Finished(id, (System.nanoTime() - start) / 1_000_000L));
                        if (finished.size() == 5) {
                            t.log("all done: " + finished.stream().map(f -> String.valueOf(f.id())).sorted()
                                    .reduce((a, b) -> a + "," + b).orElse(""));
                            t.log("job 5 finished before any of jobs 1-4: " + (finished.get(0).id() == 5));
                            Finished five = finished.stream().filter(f -> f.id() == 5).findFirst().orElseThrow();
                            t.log("job 5 waited for a thread long after its data was ready: " + (five.atMs() >= 150));
                        }
                    });
                }
                t.log("queued 5 blocking reads on a pool of 4");
                loop.setTimeout(() -> {
                    t.log("data for job 5 is ready (50 ms)");
                    data[5].countDown();
                }, 50);
                loop.setTimeout(() -> {
                    t.log("data for jobs 1-4 is ready (200 ms)");
                    for (int i = 1; i <= 4; i++) {
                        data[i].countDown();
                    }
                }, 200);
            });
        }
    }
}
