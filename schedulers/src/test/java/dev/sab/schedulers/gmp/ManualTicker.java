package dev.sab.schedulers.gmp;

/** A ticker that moves only when a test says so (STYLE.md rule 10). Thread-safe. */
final class ManualTicker implements Ticker {
    private volatile long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    void advanceNanos(long nanos) {
        now += nanos;
    }
}
