package dev.sab.schedulers.eventloop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for testing timer logic without sleeping (Netty's
 * {@code MockTicker}, Tokio's paused clock). A loop given one advances it by itself when it would
 * otherwise block in the poll phase with nothing in flight but timers: it jumps to the next timer
 * instead of waiting, so a test of a 10-second interval runs in microseconds. While thread-pool work
 * is in flight or another thread may wake the loop, the loop waits for real and virtual time stands
 * still.
 *
 * <p>Thread-safe.
 */
public final class VirtualClock implements LoopClock {
    private final AtomicLong nanos;

    /** A clock that starts at an arbitrary fixed point. */
    public VirtualClock() {
        this(1_000_000_000L);
    }

    public VirtualClock(long startNanos) {
        this.nanos = new AtomicLong(startNanos);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves the clock forward by {@code d}. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + d);
        }
        nanos.addAndGet(d.toNanos());
    }
}
