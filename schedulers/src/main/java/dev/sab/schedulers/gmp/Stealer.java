package dev.sab.schedulers.gmp;

/**
 * A spinning M's search of the other Ps for work (Go: {@code stealWork}): up to
 * {@code stealTries} passes over them in a random order ({@link StealOrder}), taking half of a
 * victim's local queue; on the last pass it also runs the victims' due timers and may take a
 * victim's runnext. One per M, used only on that M's thread; the random state and the two
 * results of the last search ({@link #ranTimers}, {@link #pollUntil}) are the M's.
 */
final class Stealer {
    private final Sched sched;
    private int random;
    private boolean ranTimers;
    private long pollUntil;

    Stealer(Sched sched, int mid) {
        this.sched = sched;
        this.random = 0x9E3779B9 * (mid + 1);
    }

    /**
     * Looks for a G for {@code p}, the thief's own P, and returns it, or null.
     *
     * @param knownNow  the clock, if the caller has read it already, else 0
     * @param inherit   set to whether the G returned inherits the time slice (a G readied into
     *                  {@code p}'s runnext by a victim's timer does, as with any runnext G)
     */
    Runnable stealWork(Processor p, long knownNow, boolean[] inherit) {
        long now = knownNow;
        Processor[] allp = sched.allp();
        StealOrder order = sched.stealOrder();
        int tries = sched.config.stealTries();
        ranTimers = false;
        pollUntil = 0;
        for (int i = 0; i < tries; i++) {
            boolean last = i == tries - 1;
            int r = nextRandom();
            int start = order.start(r);
            int stride = order.stride(r);
            for (int step = 0; step < order.count(); step++) {
                Processor p2 = allp[order.position(start, stride, step)];
                if (p2 == p) {
                    continue;
                }
                if (last && p2.timers.wakeTime() != 0) {
                    if (now == 0) {
                        now = sched.ticker.nanoTime();
                    }
                    int fired = p2.runTimers(now, p);
                    long w = p2.timers.wakeTime();
                    if (w != 0 && (pollUntil == 0 || w < pollUntil)) {
                        pollUntil = w;
                    }
                    if (fired > 0) {
                        Runnable g = p.runqGet(inherit);
                        if (g != null) {
                            return g;
                        }
                        ranTimers = true;
                    }
                }
                if (p2.status() != Processor.IDLE) {
                    Runnable g = p.steal(p2, last);
                    if (g != null) {
                        inherit[0] = false;
                        return g;
                    }
                }
            }
        }
        return null;
    }

    /** Whether the last search fired timers whose Gs are now somewhere to look again. */
    boolean ranTimers() {
        return ranTimers;
    }

    /** The earliest timer the last search saw on a victim, or 0. */
    long pollUntil() {
        return pollUntil;
    }

    private int nextRandom() { // xorshift32
        int x = random;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        random = x;
        return x;
    }
}
