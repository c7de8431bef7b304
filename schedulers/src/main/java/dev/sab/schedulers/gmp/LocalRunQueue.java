package dev.sab.schedulers.gmp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A P's local run queue: Go's {@code runq}/{@code runqhead}/{@code runqtail}/{@code runnext}. A
 * bounded single-producer, multi-consumer ring of runnable Gs plus one {@code runnext} slot.
 *
 * <p>Who does what (Go's rules, {@code runqput}/{@code runqget}/{@code runqgrab}/{@code runqsteal}):
 * <ul>
 *   <li>Only the owner P (the M holding it) puts: into {@code runnext} (a G it just readied, which
 *       runs next and inherits the time slice) or at the tail. A full ring moves half of itself,
 *       plus the new G, to the global queue ({@link #put} returns that batch).</li>
 *   <li>The owner takes from {@code runnext} first, then from the head.</li>
 *   <li>Thieves (other Ps' Ms) take half of the ring from the head into their own ring, and
 *       {@code runnext} only when asked to (the last stealing pass), after a short pause if the
 *       victim is running, so a G that was just readied is not snatched from the P about to run it.</li>
 * </ul>
 *
 * <p>Memory ordering. {@code tail} has one writer, the owner: a plain read by the owner, a
 * release store when it publishes slots, an acquire load by thieves (pairs with that release, so a
 * thief sees every slot below the tail it read). {@code head} moves only by compare-and-set (the
 * owner's take and every thief's grab race on it); a successful CAS commits the slots read before
 * it, and a failed one means they may have been stale, so they are read again. Slots are plain
 * array elements: a racing read may see a stale G, which the CAS on {@code head} then rejects.
 * {@code runnext} is set only by the owner and cleared by CAS by the owner or a thief.
 *
 * <p>Stale references stay in consumed slots until overwritten (at most {@code capacity} per P),
 * as in Go: clearing them would race with thieves reading them.
 */
final class LocalRunQueue {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle RUNNEXT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(LocalRunQueue.class, "head", int.class);
            TAIL = l.findVarHandle(LocalRunQueue.class, "tail", int.class);
            RUNNEXT = l.findVarHandle(LocalRunQueue.class, "runnext", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What a thief needs to know about the P it steals from. */
    interface Victim {
        /**
         * Called by a thief about to take this queue's runnext: pauses if the owner is likely to
         * run that G in a moment (Go: the P is running and its M is not in a syscall, then
         * {@code usleep(3)}).
         */
        void pauseBeforeRunnextSteal();
    }

    private final Runnable[] ring;
    private final int mask;
    private final Victim victim;
    private final boolean randomize;

    @SuppressWarnings("unused") // accessed through HEAD
    private volatile int head;
    @SuppressWarnings("unused") // accessed through TAIL
    private int tail;
    @SuppressWarnings("unused") // accessed through RUNNEXT
    private volatile Runnable runnext;

    /** Gs the last {@link #steal} moved (owner only). */
    private int lastStolen;

    /**
     * @param capacity  a power of two ≥ 2
     * @param victim    consulted by thieves before they take runnext
     * @param randomize Go's race-build shuffling: half the runnext puts go to the tail, and batches
     *                  moved between queues are shuffled
     */
    LocalRunQueue(int capacity, Victim victim, boolean randomize) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two ≥ 2, was " + capacity);
        }
        this.ring = new Runnable[capacity];
        this.mask = capacity - 1;
        this.victim = victim;
        this.randomize = randomize;
    }

    int capacity() {
        return ring.length;
    }

    /**
     * Puts {@code g} into runnext ({@code next}) or at the tail. Called only by the owner P.
     *
     * @return null when {@code g} (and any G it displaced from runnext) found room; otherwise the
     * batch the caller must put on the global queue: the older half of the full ring followed by
     * the G that did not fit (Go: {@code runqputslow})
     */
    Runnable[] put(Runnable g, boolean next) {
        if (randomize && next && ThreadLocalRandom.current().nextBoolean()) {
            next = false;
        }
        if (next) {
            // only the owner stores non-null, thieves only clear: a swap is Go's CAS loop
            Runnable old = (Runnable) RUNNEXT.getAndSet(this, g);
            if (old == null) {
                return null;
            }
            g = old; // kick the old runnext out to the tail
        }
        for (;;) {
            int h = (int) HEAD.getAcquire(this); // acquire: pairs with consumers' CAS, the slot is free
            int t = tail;
            if (t - h < ring.length) {
                ring[t & mask] = g;
                TAIL.setRelease(this, t + 1); // release: publishes the slot to thieves (pairs with grab's acquire)
                return null;
            }
            Runnable[] batch = takeHalfForGlobal(g, h, t);
            if (batch != null) {
                return batch;
            }
            // a consumer moved head: the ring has room now
        }
    }

    private Runnable[] takeHalfForGlobal(Runnable g, int h, int t) {
        int n = (t - h) / 2;
        Runnable[] batch = new Runnable[n + 1];
        for (int i = 0; i < n; i++) {
            batch[i] = ring[(h + i) & mask];
        }
        if (!HEAD.compareAndSet(this, h, h + n)) { // commits the consume; fails if a thief got there first
            return null;
        }
        batch[n] = g;
        if (randomize) {
            shuffle(batch, 0, n + 1);
        }
        return batch;
    }

    /**
     * Puts {@code count} Gs from {@code batch} starting at {@code from} at the tail, as many as fit.
     * Called only by the owner P.
     *
     * @return how many were put; the rest stay with the caller (Go: {@code runqputbatch})
     */
    int putBatch(Runnable[] batch, int from, int count) {
        int h = (int) HEAD.getAcquire(this);
        int t = tail;
        int n = 0;
        while (n < count && t - h < ring.length) {
            ring[t & mask] = batch[from + n];
            t++;
            n++;
        }
        if (randomize && n > 1) {
            int base = tail;
            for (int i = 1; i < n; i++) {
                int j = ThreadLocalRandom.current().nextInt(i + 1);
                Runnable tmp = ring[(base + i) & mask];
                ring[(base + i) & mask] = ring[(base + j) & mask];
                ring[(base + j) & mask] = tmp;
            }
        }
        TAIL.setRelease(this, t); // release: publishes the batch (pairs with grab's acquire)
        return n;
    }

    /** Takes runnext if there is one. Called only by the owner P. */
    Runnable takeRunnext() {
        Runnable next = runnext;
        // a failed CAS means a thief took it; only the owner sets it non-null, so no retry
        if (next != null && RUNNEXT.compareAndSet(this, next, null)) {
            return next;
        }
        return null;
    }

    /** Takes the G at the head of the ring (not runnext). Called only by the owner P. */
    Runnable takeHead() {
        for (;;) {
            int h = (int) HEAD.getAcquire(this); // acquire: synchronises with other consumers
            int t = tail;
            if (t == h) {
                return null;
            }
            Runnable g = ring[h & mask];
            if (HEAD.compareAndSet(this, h, h + 1)) { // commits the consume
                return g;
            }
        }
    }

    /**
     * Steals half of {@code from}'s ring (or, when the ring is empty and {@code stealRunnext},
     * its runnext) into this queue and returns one of the stolen Gs, or null. Called only by the
     * owner of this queue, whose ring must be empty enough to take half of another.
     * (Go: {@code runqsteal})
     */
    Runnable steal(LocalRunQueue from, boolean stealRunnext) {
        int t = tail;
        int n = from.grabInto(this, t, stealRunnext);
        lastStolen = n;
        if (n == 0) {
            return null;
        }
        n--;
        Runnable g = ring[(t + n) & mask];
        if (n == 0) {
            return g;
        }
        int h = (int) HEAD.getAcquire(this);
        if (t - h + n >= ring.length) {
            throw new IllegalStateException("steal overflowed the thief's run queue");
        }
        TAIL.setRelease(this, t + n); // release: publishes the stolen Gs (pairs with grab's acquire)
        return g;
    }

    /** How many Gs the last {@link #steal} took (including the one it returned). Owner only. */
    int lastStolen() {
        return lastStolen;
    }

    /**
     * Copies half of this ring (rounded up) into {@code thief}'s ring from {@code thiefTail} and
     * commits the take; called by any thief (Go: {@code runqgrab}).
     */
    private int grabInto(LocalRunQueue thief, int thiefTail, boolean stealRunnext) {
        for (;;) {
            int h = (int) HEAD.getAcquire(this); // acquire: synchronises with other consumers
            int t = (int) TAIL.getAcquire(this); // acquire: pairs with the owner's release, slots below t are written
            int n = t - h;
            n = n - n / 2;
            if (n == 0) {
                if (stealRunnext) {
                    Runnable next = runnext;
                    if (next != null) {
                        victim.pauseBeforeRunnextSteal();
                        if (!RUNNEXT.compareAndSet(this, next, null)) {
                            continue;
                        }
                        thief.ring[thiefTail & thief.mask] = next;
                        return 1;
                    }
                }
                return 0;
            }
            if (n > ring.length / 2) { // read an inconsistent head and tail
                continue;
            }
            for (int i = 0; i < n; i++) {
                thief.ring[(thiefTail + i) & thief.mask] = ring[(h + i) & mask];
            }
            if (HEAD.compareAndSet(this, h, h + n)) { // commits the consume
                return n;
            }
        }
    }

    /**
     * Whether no G is queued here, runnext included. Never true spuriously, as Go's
     * {@code runqempty}: it re-reads the tail to rule out a runnext kicked into the ring between
     * the reads. Any thread.
     */
    boolean isEmpty() {
        for (;;) {
            int h = (int) HEAD.getAcquire(this);
            int t = (int) TAIL.getAcquire(this);
            Runnable next = runnext;
            if (t == (int) TAIL.getAcquire(this)) {
                return h == t && next == null;
            }
        }
    }

    /** Gs in the ring now, runnext not counted; exact only for the owner. Any thread. */
    int size() {
        int h = (int) HEAD.getAcquire(this);
        int t = (int) TAIL.getAcquire(this);
        return Math.max(0, Math.min(t - h, ring.length));
    }

    private static void shuffle(Runnable[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int j = from + ThreadLocalRandom.current().nextInt(i - from + 1);
            Runnable tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
