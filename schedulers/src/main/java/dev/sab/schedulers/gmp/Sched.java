package dev.sab.schedulers.gmp;

import dev.sab.schedulers.gmp.GmpMetrics.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The scheduler's shared state: Go's {@code sched} struct and the functions around it. One lock
 * (Go's {@code sched.lock}) guards the global run queue, the idle P list and the idle M list; the
 * counts Ms read on fast paths ({@code npidle}, {@code nmspinning}, {@code needspinning}, the
 * global queue's size) are atomics read without it.
 *
 * <p>This is also the goroutines' {@link Executor}: the JDK calls {@link #execute} whenever one
 * of our virtual threads becomes runnable, and the readying rules live there.
 *
 * <p>Invariants kept here, as in Go: an M holds at most one P and runs Gs only while it holds
 * one; a P on the idle list has an empty run queue; at most one M waits for timers at a time
 * (the one that won {@link #tryBecomePoller}); new work wakes an idle P only when no M is spinning
 * ({@link #wakep}), and the last M to stop spinning re-checks every source of work.
 */
final class Sched implements Executor {
    final GmpConfig config;
    final Ticker ticker;
    final GmpMetrics metrics = new GmpMetrics();
    final SchedLock lock = new SchedLock();
    private final GlobalRunQueue runq = new GlobalRunQueue(lock);
    private final Processor[] allp;
    private final StealOrder stealOrder;
    private final List<Machine> allm = new CopyOnWriteArrayList<>();
    private final String name;

    private Processor pidle;   // guarded by lock
    private final AtomicInteger npidle = new AtomicInteger();
    private Machine midle;     // guarded by lock
    private final AtomicInteger nmspinning = new AtomicInteger();
    private volatile int needspinning;
    private int mnext;         // guarded by lock

    // the one M waiting for the earliest timer (Go: sched.lastpoll == 0 while an M is in netpoll)
    private final AtomicBoolean pollerActive = new AtomicBoolean();
    private final AtomicBoolean pollBreak = new AtomicBoolean();
    private volatile Machine poller;
    private volatile long pollUntil;

    private volatile boolean shutdown;
    private Sysmon sysmon;

    Sched(String name, GmpConfig config, Ticker ticker) {
        this.name = name;
        this.config = config;
        this.ticker = ticker;
        this.allp = new Processor[config.procs()];
        for (int i = 0; i < allp.length; i++) {
            allp[i] = new Processor(i, config);
        }
        this.stealOrder = new StealOrder(allp.length);
        lock.lock();
        try {
            for (int i = allp.length - 1; i >= 0; i--) {
                pidleput(allp[i]);
            }
        } finally {
            lock.unlock();
        }
    }

    void attachSysmon(Sysmon s) {
        this.sysmon = s;
    }

    Processor[] allp() {
        return allp;
    }

    List<Machine> allm() {
        return allm;
    }

    StealOrder stealOrder() {
        return stealOrder;
    }

    GlobalRunQueue globalQueue() {
        return runq;
    }

    int idleProcs() {
        return npidle.get();
    }

    int spinningNow() {
        return nmspinning.get();
    }

    boolean isShutdown() {
        return shutdown;
    }

    // ---------------------------------------------------------------- readying (Go: ready, injectglist)

    /**
     * Makes {@code g} runnable: the JDK calls this when one of our virtual threads is started,
     * unparked, unblocked or yields. Any thread.
     *
     * <ul>
     *   <li>On an M that holds a P (a G on it spawning or unparking another, or the M itself
     *       firing timers): into that P's runnext, then {@link #wakep} (Go: {@code ready}).</li>
     *   <li>On an M, for the G it is running right now as it leaves the CPU: what the G asked for
     *       before it yielded (see {@link Machine#resubmitted}).</li>
     *   <li>Anywhere else (the JDK's I/O poller, a platform thread, an M without a P): onto the
     *       global queue, and an idle P gets an M (Go: {@code injectglist} from netpoll).</li>
     * </ul>
     */
    @Override
    public void execute(Runnable g) {
        Machine m = Goroutine.currentMachine(this);
        if (m != null) {
            if (m.resubmitted(g)) {
                return;
            }
            Processor p = m.p;
            if (p != null) {
                p.runqPut(g, true, this);
                wakep();
                return;
            }
        }
        injectOne(g);
    }

    /**
     * A G readied with no P at hand: onto the global queue, then an M for an idle P if there is
     * one. Any thread. (Go: {@code injectglist} on a thread without a P: {@code globrunqputbatch}
     * under the lock, then {@code startIdle}, which looks at {@code npidle} without it.) An M that
     * drops its P checks the global queue under the lock first, so either it sees {@code g} or this
     * side sees its P idle.
     */
    void injectOne(Runnable g) {
        lock.lock();
        try {
            runq.put(g);
            metrics.locked.inc(Metric.GLOBAL_ENQUEUES);
        } finally {
            lock.unlock();
        }
        if (npidle.get() == 0) {
            return;
        }
        Machine m = null;
        lock.lock();
        try {
            Processor p = pidleget();
            if (p != null) {
                m = startm(p, false);
            }
        } finally {
            lock.unlock();
        }
        if (m != null) {
            m.wake();
        }
    }

    /** Puts {@code g} on the global queue and wakes a P (Go: {@code goschedImpl}). Called on an M. */
    void globalPutAndWake(Runnable g, Processor counting) {
        lock.lock();
        try {
            runq.put(g);
        } finally {
            lock.unlock();
        }
        counting.counters.inc(Metric.GLOBAL_ENQUEUES);
        wakep();
    }

    /** The spill of a full local queue (Go: the end of {@code runqputslow}). */
    void globalPutBatch(Runnable[] batch) {
        lock.lock();
        try {
            runq.putBatch(batch, batch.length);
        } finally {
            lock.unlock();
        }
    }

    /** The oldest G on the global queue, or null; counted on {@code pp}. Called on the M holding {@code pp}. */
    Runnable globrunqget(Processor pp) {
        Runnable g;
        lock.lock();
        try {
            g = runq.get();
        } finally {
            lock.unlock();
        }
        if (g != null) {
            pp.counters.inc(Metric.GLOBAL_DEQUEUES);
        }
        return g;
    }

    /**
     * A fair share of the global queue for {@code pp}, taken into the M's reused {@code batch}:
     * the first G is returned to run, the rest go to {@code pp}'s local queue. Null if the queue is
     * empty. Called on the M holding {@code pp}. (Go: {@code globrunqget} with a batch)
     */
    Runnable globrunqgetBatch(Processor pp, Runnable[] batch) {
        if (runq.isEmpty()) {
            return null;
        }
        int n;
        lock.lock();
        try {
            n = runq.getBatch(batch, allp.length);
        } finally {
            lock.unlock();
        }
        return n == 0 ? null : pp.runqPutGlobalBatch(batch, n, this);
    }

    // ---------------------------------------------------------------- waking Ms (Go: wakep, startm, handoffp)

    /**
     * Tries to add one more spinning M to look for the work just submitted: only when no M spins
     * already and a P is idle. Any thread. (Go: {@code wakep})
     *
     * <p>Go takes {@code sched.lock} to find out that no P is idle, and then sets
     * {@code needspinning} so that an M about to drop its P keeps looking instead. That lock is
     * taken on every {@code go} statement and every ready while all Ps are busy, which made it the
     * largest cost of spawning here. The same outcome comes without the lock from a Dekker-style
     * handshake: this side sets {@code needspinning}, then reads {@code npidle}; the M dropping
     * its P increments {@code npidle} (in {@link #pidleput}), then reads {@code needspinning}
     * again ({@code Machine.findRunnable}). Both are volatile, so at least one side sees the
     * other: either this side sees the idle P and takes the locked path, or the M sees the flag
     * and stays on as a spinning M, exactly the two outcomes Go's lock allows. Go's CAS of
     * {@code nmspinning} from 0 to 1 and back around that look is left out too: it only keeps a
     * second waker out of the locked path, and this path takes no lock.
     */
    void wakep() {
        if (nmspinning.get() != 0) {
            return;
        }
        if (npidle.get() == 0) {
            if (needspinning == 0) {
                needspinning = 1; // volatile write, then the volatile read below (pairs with findRunnable's re-check)
            }
            if (npidle.get() == 0) {
                return;
            }
        }
        if (!nmspinning.compareAndSet(0, 1)) {
            return;
        }
        metrics.spinning(1);
        Machine m;
        lock.lock();
        try {
            Processor p = pidlegetSpinning();
            if (p == null) {
                nmspinning.decrementAndGet();
                return;
            }
            m = startm(p, true);
        } finally {
            lock.unlock();
        }
        m.wake();
    }

    /**
     * Gives {@code p} to an idle M, or to a new one, and returns that M, which the caller wakes
     * ({@link Machine#wake}) once it has released the lock: Go's {@code startm} also unlocks
     * before {@code notewakeup} or {@code newm}, so no one waits for the lock while a thread is
     * woken or created. If {@code spinning}, the caller has counted the M in {@code nmspinning}.
     * Called only with the lock held. (Go: {@code startm})
     */
    Machine startm(Processor p, boolean spinning) {
        assert lock.isHeldByCurrentThread();
        Machine m = midle;
        if (m == null) {
            Machine created = new Machine(this, mnext++, p, spinning);
            allm.add(created);
            metrics.locked.inc(Metric.MS_CREATED);
            return created;
        }
        midle = m.link;
        m.link = null;
        m.handOff(p, spinning);
        return m;
    }

    /** An M with nothing to run goes on the idle list. Called only with the lock held. (Go: {@code mput}) */
    void mput(Machine m) {
        assert lock.isHeldByCurrentThread();
        m.link = midle;
        midle = m;
    }

    /**
     * Hands off a P retaken from an M in a blocking call: to an M straight away if there is work
     * for it, else onto the idle list. Called by sysmon, without the lock. (Go: {@code handoffp})
     */
    void handoffp(Processor p) {
        if (!p.runq.isEmpty() || !runq.isEmpty()) {
            startmLocked(p, false);
            return;
        }
        // no local work: start a spinning M only if nobody else is looking for work
        if (nmspinning.get() + npidle.get() == 0 && nmspinning.compareAndSet(0, 1)) {
            needspinning = 0;
            metrics.spinning(1);
            startmLocked(p, true);
            return;
        }
        long when = 0;
        Machine started = null;
        lock.lock();
        try {
            if (!runq.isEmpty()) {
                started = startm(p, false);
            } else if (npidle.get() == allp.length - 1 && !pollerActive.get()) {
                // the last running P, and no M waits for timers: someone must, so start one (Go: the netpoll rule)
                started = startm(p, false);
            } else {
                when = p.timers.wakeTime();
                pidleput(p);
            }
        } finally {
            lock.unlock();
        }
        if (started != null) {
            started.wake();
            return;
        }
        if (when != 0) {
            wakeNetPoller(when);
        }
    }

    private void startmLocked(Processor p, boolean spinning) {
        Machine m;
        lock.lock();
        try {
            m = startm(p, spinning);
        } finally {
            lock.unlock();
        }
        m.wake();
    }

    // ---------------------------------------------------------------- idle Ps (Go: pidleput, pidleget)

    /** Puts {@code p} on the idle list. Called only with the lock held, by the M that released it. */
    void pidleput(Processor p) {
        assert lock.isHeldByCurrentThread();
        if (!p.runq.isEmpty()) {
            throw new IllegalStateException(p + " went idle with Gs in its run queue");
        }
        p.setStatus(Processor.IDLE);
        p.link = pidle;
        pidle = p;
        npidle.incrementAndGet();
    }

    /** Takes an idle P, or null. Called only with the lock held. (Go: {@code pidleget}) */
    Processor pidleget() {
        assert lock.isHeldByCurrentThread();
        Processor p = pidle;
        if (p != null) {
            pidle = p.link;
            p.link = null;
            npidle.decrementAndGet();
        }
        return p;
    }

    /**
     * Takes an idle P for work just found; if there is none, tells Ms about to drop their P that
     * someone needs to spin. Called only with the lock held. (Go: {@code pidlegetSpinning})
     */
    Processor pidlegetSpinning() {
        Processor p = pidleget();
        if (p == null) {
            needspinning = 1;
        }
        return p;
    }

    int needspinning() {
        return needspinning;
    }

    int npidle() {
        return npidle.get();
    }

    /** Counts the calling M as spinning. (Go: {@code becomeSpinning}) */
    void becomeSpinning() {
        int n = nmspinning.incrementAndGet();
        needspinning = 0;
        metrics.spinning(n);
    }

    /** Un-counts a spinning M; returns how many still spin. */
    int stopSpinning() {
        int n = nmspinning.decrementAndGet();
        if (n < 0) {
            throw new IllegalStateException("negative nmspinning");
        }
        return n;
    }

    int nmspinning() {
        return nmspinning.get();
    }

    /**
     * After the last spinning M dropped its P: if any running P has queued work, take an idle P
     * to go and steal it. (Go: {@code checkRunqsNoP})
     */
    Processor checkRunqsNoP() {
        for (Processor p : allp) {
            if (p.status() != Processor.IDLE && !p.runq.isEmpty()) {
                lock.lock();
                try {
                    return pidlegetSpinning();
                } finally {
                    lock.unlock();
                }
            }
        }
        return null;
    }

    /** The earliest timer of any P, or {@code pollUntil} if that is earlier. (Go: {@code checkTimersNoP}) */
    long checkTimersNoP(long pollUntil) {
        for (Processor p : allp) {
            long w = p.timers.wakeTime();
            if (w != 0 && (pollUntil == 0 || w < pollUntil)) {
                pollUntil = w;
            }
        }
        return pollUntil;
    }

    // ---------------------------------------------------------------- waiting for timers (Go: netpoll(delay))

    /** Whether the caller became the one M that waits for the earliest timer. */
    boolean tryBecomePoller(Machine m, long until) {
        if (!pollerActive.compareAndSet(false, true)) {
            return false;
        }
        poller = m;
        pollUntil = until;
        return true;
    }

    /** Waits until {@code until} or a {@link #netpollBreak}. Called only by the poller. */
    void pollWait(long until) {
        while (!shutdown && !pollBreak.getAndSet(false)) {
            long delay = until - ticker.nanoTime();
            if (delay <= 0) {
                return;
            }
            LockSupport.parkNanos(this, delay);
        }
    }

    void stopPolling() {
        pollUntil = 0;
        poller = null;
        pollerActive.set(false);
    }

    /** Wakes the M waiting for timers; a break with no waiter is kept for the next one (Go: {@code netpollBreak}). */
    void netpollBreak() {
        pollBreak.set(true);
        Machine m = poller;
        if (m != null) {
            LockSupport.unpark(m);
        }
    }

    /**
     * A timer at {@code when} was added: make sure some M will be awake for it. Wakes the waiting
     * M if it would sleep past {@code when}, or else gets a spinning M going. (Go: {@code wakeNetPoller})
     */
    void wakeNetPoller(long when) {
        if (pollerActive.get()) {
            long until = pollUntil;
            if (until == 0 || until > when) {
                netpollBreak();
            }
        } else {
            wakep();
        }
    }

    long pollUntil() {
        return pollUntil;
    }

    // ---------------------------------------------------------------- sysmon and shutdown

    /** A P went from idle to running in a world where every P was idle: sysmon may be in deep sleep. */
    void wakeSysmon() {
        Sysmon s = sysmon;
        if (s != null) {
            s.wake();
        }
    }

    /**
     * Stops every M: idle ones wake with no P and exit; a poller stops waiting; running ones exit
     * once they find no work. Called once, after every task finished.
     */
    void shutdown() {
        shutdown = true;
        List<Machine> idle = new ArrayList<>();
        lock.lock();
        try {
            Machine m = midle;
            while (m != null) {
                Machine next = m.link;
                m.link = null;
                m.handOff(null, false);
                idle.add(m);
                m = next;
            }
            midle = null;
        } finally {
            lock.unlock();
        }
        for (Machine m : idle) {
            m.wake();
        }
        netpollBreak();
    }

    @Override
    public String toString() {
        return name;
    }
}
