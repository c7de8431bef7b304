package dev.sab.workloads.load;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop clock: a thread that releases request {@code k} when its intended send time,
 * {@code start} plus its {@link Schedule} offset, has come, and wakes the generator's selector so it
 * sends at once. A separate thread because {@link Selector#select(long)} counts in whole
 * milliseconds, too coarse for requests 100 µs apart; {@link LockSupport#parkNanos} wakes within
 * the kernel's timer slack (about 50 µs on Linux).
 *
 * <p>Lateness of this thread (a descheduled pacer) delays sends, but never hides: latency is
 * measured from the intended time, not from when the request was released or sent.
 *
 * <p>Single writer (the pacer thread) of {@code released}; single reader (the selector thread).
 */
final class Pacer implements AutoCloseable {
    private final Schedule schedule;
    private final long startNanos;
    private final long limit;
    private final Selector selector;
    /** Requests released so far: every k below it is due. Written only by the pacer thread. */
    private final AtomicLong released = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    Pacer(LoadSpec spec, long startNanos, Selector selector) {
        assert spec.openLoop();
        this.schedule = new Schedule(spec);
        this.startNanos = startNanos;
        this.limit = spec.requests();
        this.selector = selector;
        this.thread = Thread.ofPlatform().name("sab-load-pacer").daemon(true).start(this::loop);
    }

    /** How many requests are due now. Called only on the selector thread. */
    long released() {
        return released.getAcquire(); // acquire: pairs with the setRelease in loop()
    }

    private void loop() {
        long done = 0;
        long due = startNanos + schedule.nextOffsetNanos(); // when request `done` is due
        while (running && done < limit) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            long now = System.nanoTime();
            // every request whose time has come, not only the next: a late pacer catches up in one step
            do {
                done++;
                due = done < limit ? startNanos + schedule.nextOffsetNanos() : Long.MAX_VALUE;
            } while (done < limit && due <= now);
            released.setRelease(done); // release: publishes the count to the selector thread (pairs with released())
            selector.wakeup();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join();
    }
}
