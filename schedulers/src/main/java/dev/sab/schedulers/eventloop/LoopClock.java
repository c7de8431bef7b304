package dev.sab.schedulers.eventloop;

/**
 * Where an event loop gets its time (STYLE.md rule 10: time is injected). The loop reads it to
 * cache "now" in whole milliseconds as libuv does, to decide how long the poll phase may block, and
 * to measure idle time and timer lateness. {@link #system()} is the real monotonic clock;
 * {@link VirtualClock} is a manual one for tests.
 *
 * <p>Implementations must be thread-safe and monotonic.
 */
@FunctionalInterface
public interface LoopClock {

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static LoopClock system() {
        return System::nanoTime;
    }
}
