package dev.sab.workloads.load;

import java.util.SplittableRandom;

/**
 * The intended send times of an open-loop run, as offsets from its start, one request after
 * another: {@code k / rate} for a constant rate (computed from k, so rounding never accumulates
 * into drift), or the partial sums of exponentially distributed gaps of mean {@code 1 / rate} for
 * Poisson arrivals, drawn from the spec's seed. Two instances made from one spec yield the same
 * sequence, so the {@link Pacer} (which releases requests) and the generator (which times them)
 * agree without sharing state.
 *
 * <p>Not thread-safe: each user has its own.
 */
final class Schedule {
    /** Mixed into the seed so that the arrival gaps are not correlated with the choice of routes. */
    private static final long ARRIVAL_SEED_SALT = 0x5DEECE66DL;

    private final double gapNanos;
    private final boolean poisson;
    private final SplittableRandom random;
    private long next;
    private double poissonOffset;

    Schedule(LoadSpec spec) {
        assert spec.openLoop();
        this.gapNanos = 1e9 / spec.ratePerSec();
        this.poisson = spec.poisson();
        this.random = new SplittableRandom(spec.seed() ^ ARRIVAL_SEED_SALT);
    }

    /** The offset of the next request (the first is 0), in nanoseconds after the start. */
    long nextOffsetNanos() {
        long k = next++;
        if (!poisson) {
            return (long) (k * gapNanos);
        }
        if (k > 0) {
            poissonOffset += -Math.log(1 - random.nextDouble()) * gapNanos;
        }
        return (long) poissonOffset;
    }
}
