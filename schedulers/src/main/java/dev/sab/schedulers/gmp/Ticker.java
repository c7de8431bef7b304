package dev.sab.schedulers.gmp;

/**
 * The clock the scheduler reads (STYLE.md rule 10): sysmon's time slices, the timer heaps'
 * deadlines and the idle M's wait for the nearest timer all ask it for the time, so tests can
 * drive sysmon and the timers with a manual ticker instead of sleeping. Go reads
 * {@code nanotime()} in the same places.
 *
 * <p>Thread-safe: called from every M, sysmon and the goroutines.
 */
@FunctionalInterface
interface Ticker {

    /** The JVM's monotonic clock, the one {@code Ctx.nanoTime()} reports. */
    Ticker SYSTEM = System::nanoTime;

    /** Monotonic time in nanoseconds. */
    long nanoTime();
}
