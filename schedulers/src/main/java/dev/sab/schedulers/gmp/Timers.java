package dev.sab.schedulers.gmp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A P's timer heap: Go's {@code p.timers} (time.go). {@code Ctx.sleep} parks its G and asks the
 * M to put a {@link Timer} here; Ms run the due timers of their own P at the top of every
 * scheduling round and, on the last stealing pass, those of other Ps (Go's {@code timers.check});
 * an M with nothing to do parks only until the earliest timer of any P. Sleeps never touch the
 * JDK's shared timer thread.
 *
 * <p>The heap is guarded by its own lock (Go's {@code timers.mu}), taken only on Ms (platform
 * threads), never on a goroutine, so a contended lock can never unmount a G half-way through the
 * scheduler. The earliest deadline is published in a volatile ({@link #wakeTime()}, Go's
 * {@code minWhenHeap}) so Ms decide without the lock whether anything is due.
 *
 * <p>A cancelled timer (its sleeper was interrupted) stays in the heap as a zombie until it
 * reaches the top or zombies make up a quarter of the heap, as in Go's {@code cleanHead} and
 * {@code adjust}.
 */
final class Timers {

    /** One sleep: wake {@code g} at {@code when}. States move NEW → HEAPED → FIRED, or to CANCELLED. */
    static final class Timer {
        static final int NEW = 0;
        static final int HEAPED = 1;
        static final int FIRED = 2;
        static final int CANCELLED = 3;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Timer.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final long when;
        final Thread g;
        @SuppressWarnings("unused") // accessed through STATE
        private volatile int state;
        private volatile Timers heap;

        Timer(long when, Thread g) {
            this.when = when;
            this.g = g;
        }

        int state() {
            return state;
        }

        /**
         * Cancels a timer that has not fired; returns whether it was still pending. Any thread
         * (the sleeper, interrupted).
         */
        boolean cancel() {
            if (STATE.compareAndSet(this, NEW, CANCELLED)) {
                return true;
            }
            if (STATE.compareAndSet(this, HEAPED, CANCELLED)) {
                Timers h = heap;
                if (h != null) {
                    h.zombies.incrementAndGet();
                }
                return true;
            }
            return false;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger zombies = new AtomicInteger();
    // A 4-ary min-heap on when, with each entry's when kept beside it in a parallel array, as Go's
    // heap of timerWhen{timer, when} is (timerHeapN = 4): sifting reads neighbouring longs instead
    // of one Timer object per comparison, which matters with hundreds of thousands of sleepers.
    private static final int ARITY = 4; // Go: timerHeapN = 4 (time.go)
    private Timer[] heap = new Timer[16];  // guarded by lock
    private long[] whens = new long[16];   // guarded by lock; whens[i] == heap[i].when
    private int size;                     // guarded by lock
    private volatile long wakeTime;       // earliest when in the heap, 0 if empty (Go: minWhenHeap)
    private volatile int published;       // size, for metrics and the idle check

    /** The earliest deadline in the heap, 0 if none (zombies included). Any thread, no lock. */
    long wakeTime() {
        return wakeTime;
    }

    /** Timers in the heap, zombies included. Any thread, no lock. */
    int size() {
        return published;
    }

    /**
     * Adds {@code t}; returns whether it is now the earliest timer here, in which case the caller
     * wakes whoever waits for timers (Go: {@code maybeAdd} then {@code wakeNetPoller}). A timer
     * cancelled before it got here is dropped. Called only on an M.
     */
    boolean add(Timer t) {
        lock.lock();
        try {
            if (!Timer.STATE.compareAndSet(t, Timer.NEW, Timer.HEAPED)) {
                return false;
            }
            t.heap = this;
            cleanHead();
            long before = size == 0 ? 0 : whens[0];
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
                whens = Arrays.copyOf(whens, size * 2);
            }
            heap[size] = t;
            whens[size] = t.when;
            siftUp(size++);
            publish();
            return before == 0 || t.when < before;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fires every timer due at {@code now}: unparks its G, which the current M readies into its
     * own P's runnext (Go: {@code timers.check} → {@code goready}). The unparks happen after the
     * lock is released, as Go runs timer functions unlocked. Called only on an M that holds a P.
     *
     * @return how many timers fired
     */
    int check(long now) {
        long next = wakeTime;
        if (next == 0 || now < next) {
            return 0; // nothing due: no lock (Go's fast path)
        }
        Timer[] due = null;
        int n = 0;
        lock.lock();
        try {
            if (zombies.get() > size / 4) {
                removeZombies();
            }
            while (size > 0 && whens[0] <= now) {
                Timer t = removeTop();
                if (Timer.STATE.compareAndSet(t, Timer.HEAPED, Timer.FIRED)) {
                    if (due == null) {
                        due = new Timer[Math.min(size + 1, 64)];
                    } else if (n == due.length) {
                        due = Arrays.copyOf(due, n * 2);
                    }
                    due[n++] = t;
                } else {
                    zombies.decrementAndGet();
                }
            }
            publish();
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < n; i++) {
            LockSupport.unpark(due[i].g);
        }
        return n;
    }

    /** Drops cancelled timers at the top. Called only with the lock held. (Go: {@code cleanHead}) */
    private void cleanHead() {
        while (size > 0 && heap[0].state() == Timer.CANCELLED) {
            removeTop();
            zombies.decrementAndGet();
        }
    }

    /** Rebuilds the heap without cancelled timers. Called only with the lock held. (Go: {@code adjust}) */
    private void removeZombies() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Timer t = heap[i];
            if (t.state() == Timer.CANCELLED) {
                zombies.decrementAndGet();
            } else {
                heap[kept] = t;
                whens[kept++] = t.when;
            }
        }
        Arrays.fill(heap, kept, size, null);
        size = kept;
        for (int i = (size - 2) / ARITY; i >= 0; i--) { // from the last parent up
            siftDown(i);
        }
    }

    private Timer removeTop() {
        Timer top = heap[0];
        size--;
        heap[0] = heap[size];
        whens[0] = whens[size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0);
        }
        return top;
    }

    private void publish() {
        published = size;
        wakeTime = size == 0 ? 0 : whens[0];
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        long w = whens[i];
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (whens[parent] <= w) {
                break;
            }
            heap[i] = heap[parent];
            whens[i] = whens[parent];
            i = parent;
        }
        heap[i] = t;
        whens[i] = w;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        long w = whens[i];
        for (;;) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int least = first;
            int last = Math.min(first + ARITY, size);
            for (int c = first + 1; c < last; c++) {
                if (whens[c] < whens[least]) {
                    least = c;
                }
            }
            if (w <= whens[least]) {
                break;
            }
            heap[i] = heap[least];
            whens[i] = whens[least];
            i = least;
        }
        heap[i] = t;
        whens[i] = w;
    }
}
