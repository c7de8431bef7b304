package dev.sab.schedulers.gmp;

import dev.sab.schedulers.gmp.GmpMetrics.Metric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * M: a carrier OS thread (Go's {@code m}). It runs Gs only while it holds a P, in the loop Go calls
 * {@code schedule}: find a runnable G ({@link #findRunnable}, in Go's order), run it until it
 * parks, yields or ends, repeat. With nothing to do it drops its P and parks on the idle M list
 * ({@code stopm}) until {@link Sched#startm} hands it a P; one idle M at a time waits for the
 * earliest timer instead.
 *
 * <p>Two kinds of code run on this thread: the M itself (the scheduling loop; {@code
 * Thread.currentThread() == this}) and the G it has mounted. A G never takes a scheduler lock
 * except through {@link Sched#execute}, during which the JDK pins it to this thread; whatever
 * else a G needs from the scheduler it asks for in a field of this M before it leaves the CPU, and
 * the M does it once the G is off (Go's {@code gopark} passes an unlock function to the same
 * effect): {@link #pendingTimer} for a sleep, {@link #yieldReason} for a yield, a preemption or a
 * blocking call that lost its P.
 *
 * <p>Fields without a note are owned by this M's thread (and the G on it).
 */
final class Machine extends Thread {
    static final int YIELD_NONE = 0;
    /** The G called {@code Ctx.yield()}: to the global queue (Go: {@code Gosched}). */
    static final int YIELD_GOSCHED = 1;
    /** The G honoured a preemption request: to the global queue (Go: {@code gopreempt_m}). */
    static final int YIELD_PREEMPT = 2;
    /** The G left a blocking call whose P was retaken: another P, or the global queue (Go: {@code exitsyscall0}). */
    static final int YIELD_EXITSYSCALL = 3;

    private static final VarHandle PREEMPT;

    static {
        try {
            PREEMPT = MethodHandles.lookup().findVarHandle(Machine.class, "preempt", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Sched sched;
    final int mid;
    final GmpMetrics.Counters counters = new GmpMetrics.Counters();
    /** The P this M holds, or null. */
    Processor p;
    /** Next on the idle M list; guarded by the scheduler lock. */
    Machine link;
    /** Whether this M is looking for work to steal (counted in {@code nmspinning}). */
    boolean spinning;
    /**
     * Set by sysmon (volatile write): the G running here has used up its time slice. Read
     * (volatile) at the G's safe points; cleared with {@link #clearPreempt} when a G starts.
     */
    volatile boolean preempt;
    /** Why the G running here is about to yield; read by {@link #resubmitted}. */
    int yieldReason;
    /** A sleep timer the G running here wants armed once it has parked. */
    Timers.Timer pendingTimer;

    private volatile Processor nextp;    // written by startm before it notifies
    private boolean threadStarted;       // written by the one caller of wake() that starts the thread; later wakers
                                         // see it through the scheduler lock (mput, then startm)
    private volatile boolean notified;   // the M's park note (Go: m.park)
    private volatile Thread syscallG;    // the G in a blocking call on this M; read by thieves
    private Processor oldp;              // the P let go of for that call
    private Runnable curg;
    private Runnable direct;             // run next without queueing (Go: execute(gp) from park_m, exitsyscall0)
    private boolean directInherit;
    private final boolean[] inherit = new boolean[1];
    private final Runnable[] globalBatch; // Gs taken from the global queue in one go; empty between uses
    private final Stealer stealer;

    /** Called only with the scheduler lock held, by {@link Sched#startm}. */
    Machine(Sched sched, int id, Processor p, boolean spinning) {
        super("gmp-M" + id);
        this.sched = sched;
        this.mid = id;
        this.nextp = p;
        this.spinning = spinning;
        this.stealer = new Stealer(sched, id);
        this.globalBatch = new Runnable[sched.config.runqSize() / 2]; // Go: globrunqget takes at most len(pp.runq)/2
        setDaemon(true);
    }

    /**
     * Hands this idle M a P (or null: exit); {@link #wake} then wakes it. Called only with the
     * scheduler lock held.
     */
    void handOff(Processor p, boolean spin) {
        this.spinning = spin;
        this.nextp = p;
        this.notified = true; // volatile write publishes nextp and spinning to the woken M
    }

    /**
     * Starts this M's thread if {@link Sched#startm} has just made it, else unparks it. Called by
     * whoever got this M from {@code startm}, after releasing the scheduler lock; only that caller
     * can see a new M, so only one thread ever starts it.
     */
    void wake() {
        if (!threadStarted) {
            threadStarted = true;
            start();
        } else {
            LockSupport.unpark(this);
        }
    }

    /**
     * Clears a preemption request: when a G starts, and when the G honours one. Opaque, not
     * volatile: a full fence on every G start buys nothing, since a request sysmon makes for the G
     * that just left may land either side of this clear in Go too (it clears {@code gp.preempt}
     * with a plain store). Called only on this M's thread (by the M or its G).
     */
    void clearPreempt() {
        PREEMPT.setOpaque(this, false);
    }

    boolean inSyscall() {
        return syscallG != null;
    }

    @Override
    public void run() {
        try {
            Processor first = nextp;
            nextp = null;
            acquirep(first);
            scheduleLoop();
        } finally {
            sched.allm().remove(this);
        }
    }

    // ---------------------------------------------------------------- the scheduling loop

    /** Called only on this M's thread. */
    private void scheduleLoop() {
        assert Thread.currentThread() == this;
        for (;;) {
            Runnable g;
            boolean inheritTime;
            if (direct != null) {
                g = direct;
                inheritTime = directInherit;
                direct = null;
            } else {
                g = findRunnable();
                if (g == null) {
                    return; // shut down
                }
                inheritTime = inherit[0];
                if (spinning) {
                    resetSpinning();
                }
            }
            execute(g, inheritTime);
            if (preempt && p != null) { // volatile read: pairs with sysmon's write in preemptone
                endPreemptedSlice();
            }
            if (p == null) {
                // the G's blocking call lost its P: whatever must run next goes to another M
                if (direct != null) {
                    sched.injectOne(direct);
                    direct = null;
                }
                if (!stopm()) {
                    return;
                }
            }
        }
    }

    /** Runs {@code g} until it leaves the CPU. (Go: {@code execute}) */
    private void execute(Runnable g, boolean inheritTime) {
        curg = g;
        clearPreempt();
        if (!inheritTime) {
            p.tickSched();
        }
        g.run();
        curg = null;
        afterRun();
    }

    /**
     * sysmon asked this M's G to stop (its time slice, shared by the chain of runnext Gs that
     * inherited it, is over) and the G left the CPU without passing a safe point: it parked, most
     * likely right after readying another G, as two goroutines that hand off to each other do. In
     * Go it would have been preempted at the prologue of the next function it called on the way
     * (gopreempt_m: to the global queue), and the chain would have broken there. To the same
     * effect, the G that would inherit the slice now (the runnext G, or this G if it was readied
     * again before it got off the CPU) is preempted in its place: it goes to the global queue, and
     * the M starts a new slice with whatever its local queue holds. Without this, a pair handing
     * off through runnext kept one P's slice forever and starved that P's local queue (with one P,
     * until the pair ended). Called only on this M's thread, holding a P.
     */
    private void endPreemptedSlice() {
        clearPreempt();
        Runnable next;
        if (direct != null && directInherit) {
            next = direct;
            direct = null;
        } else {
            next = p.runq.takeRunnext();
        }
        if (next != null) {
            p.counters.inc(Metric.PREEMPTIONS);
            sched.globalPutAndWake(next, p);
        }
    }

    /** The G is off the CPU: do what it asked for before it left. */
    private void afterRun() {
        if (syscallG != null) {
            // the G parked its virtual thread inside a blocking call: the OS thread is free again
            syscallG = null;
            Processor op = oldp;
            oldp = null;
            if (op.casStatus(Processor.SYSCALL, Processor.RUNNING)) {
                wirep(op);
                op.tickSyscall();
            }
        }
        Timers.Timer t = pendingTimer;
        if (t != null) {
            pendingTimer = null;
            Processor target = p != null ? p : sched.allp()[mid % sched.allp().length];
            if (target.timers.add(t)) {
                sched.wakeNetPoller(t.when);
            }
        }
    }

    /**
     * Called from {@link Sched#execute} on this M's thread: whether {@code g} is the G this M is
     * running, readied again as it leaves the CPU, and if so puts it where it asked to go.
     */
    boolean resubmitted(Runnable g) {
        if (g != curg || Thread.currentThread() != this) {
            return false;
        }
        int reason = yieldReason;
        yieldReason = YIELD_NONE;
        switch (reason) {
            case YIELD_GOSCHED, YIELD_PREEMPT -> {
                if (p == null) {
                    sched.injectOne(g); // yielded inside a blocking call, which holds no P
                } else {
                    if (reason == YIELD_PREEMPT) {
                        p.counters.inc(Metric.PREEMPTIONS);
                    }
                    sched.globalPutAndWake(g, p);
                }
            }
            case YIELD_EXITSYSCALL -> {
                Processor idle;
                sched.lock.lock();
                try {
                    idle = sched.pidleget();
                    if (idle == null) {
                        sched.globalQueue().put(g);
                        sched.metrics.locked.inc(Metric.GLOBAL_ENQUEUES);
                    }
                } finally {
                    sched.lock.unlock();
                }
                if (idle != null) {
                    acquirep(idle);
                    direct = g;
                    directInherit = false;
                }
            }
            default -> {
                // it parked and was unparked before it got off the CPU: run it again at once (Go:
                // park_m whose unlock function says no, execute(gp, true))
                direct = g;
                directInherit = true;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- finding work (Go: findRunnable)

    /**
     * Finds a G to run, in Go's order; parks until there is one. Returns null on shutdown. Called
     * only on this M's thread, holding a P.
     */
    private Runnable findRunnable() {
        assert Thread.currentThread() == this && p != null;
        GmpConfig config = sched.config;
        for (;;) {
            Processor pp = p;
            // the clock is read only when there are timers (Go: timers.check(0) returns early)
            long now = pp.timers.wakeTime() == 0 ? 0 : sched.ticker.nanoTime();
            if (now != 0) {
                pp.runTimers(now, pp);
            }
            long pollUntil = pp.timers.wakeTime();

            // fairness: every 61st tick the global queue goes first
            if (pp.schedtick() % config.globalCheckTick() == 0 && !sched.globalQueue().isEmpty()) {
                Runnable g = sched.globrunqget(pp);
                if (g != null) {
                    inherit[0] = false;
                    return g;
                }
            }
            Runnable g = pp.runqGet(inherit);
            if (g != null) {
                return g;
            }
            g = sched.globrunqgetBatch(pp, globalBatch);
            if (g != null) {
                inherit[0] = false;
                return g;
            }
            // steal, but keep the spinning Ms to at most half the busy Ps
            if (spinning || 2 * sched.nmspinning() < config.procs() - sched.npidle()) {
                if (!spinning) {
                    spinning = true;
                    sched.becomeSpinning();
                }
                g = stealer.stealWork(pp, now, inherit);
                if (g != null) {
                    return g;
                }
                if (stealer.ranTimers()) {
                    continue;
                }
                long w = stealer.pollUntil();
                if (w != 0 && (pollUntil == 0 || w < pollUntil)) {
                    pollUntil = w;
                }
            }

            // nothing: give up the P
            sched.lock.lock();
            boolean retry = false;
            try {
                if (!sched.globalQueue().isEmpty()) {
                    int n = sched.globalQueue().getBatch(globalBatch, config.procs());
                    sched.lock.unlock();
                    inherit[0] = false;
                    return pp.runqPutGlobalBatch(globalBatch, n, sched);
                }
                if (!spinning && sched.needspinning() == 1) {
                    spinning = true;
                    sched.becomeSpinning();
                    retry = true;
                } else {
                    releasep();
                    sched.pidleput(pp);
                    // the other half of wakep's lock-free handshake: npidle is published (volatile)
                    // before this read, so a wakep that saw no idle P has set the flag by now
                    if (!spinning && sched.needspinning() == 1) {
                        acquirep(sched.pidleget()); // our own P, the head of the idle list
                        spinning = true;
                        sched.becomeSpinning();
                        retry = true;
                    }
                }
            } finally {
                if (sched.lock.isHeldByCurrentThread()) {
                    sched.lock.unlock();
                }
            }
            if (retry) {
                continue;
            }

            boolean wasSpinning = spinning;
            if (spinning) {
                // the delicate dance: stop spinning first, then look at every source again
                spinning = false;
                sched.stopSpinning();
                g = globalAfterSpinning();
                if (g != null) {
                    return g;
                }
                Processor np = sched.checkRunqsNoP();
                if (np != null) {
                    acquirep(np);
                    spinning = true;
                    sched.becomeSpinning();
                    continue;
                }
                pollUntil = sched.checkTimersNoP(pollUntil);
            }
            if (sched.isShutdown()) {
                return null;
            }
            if (pollUntil != 0 && sched.tryBecomePoller(this, pollUntil)) {
                sched.pollWait(pollUntil);
                sched.stopPolling();
                Processor np;
                sched.lock.lock();
                try {
                    np = sched.pidleget();
                } finally {
                    sched.lock.unlock();
                }
                if (np != null) {
                    acquirep(np);
                    if (wasSpinning) {
                        spinning = true;
                        sched.becomeSpinning();
                    }
                    continue;
                }
            } else if (pollUntil != 0) {
                long until = sched.pollUntil();
                if (until == 0 || until > pollUntil) {
                    sched.netpollBreak();
                }
            }
            if (!stopm()) {
                return null;
            }
        }
    }

    /** After dropping its P, a formerly spinning M checks the global queue once more. */
    private Runnable globalAfterSpinning() {
        if (sched.globalQueue().isEmpty()) {
            return null;
        }
        Processor np;
        int n;
        sched.lock.lock();
        try {
            if (sched.globalQueue().isEmpty()) {
                return null;
            }
            np = sched.pidlegetSpinning();
            if (np == null) {
                return null;
            }
            n = sched.globalQueue().getBatch(globalBatch, sched.config.procs());
        } finally {
            sched.lock.unlock();
        }
        acquirep(np);
        spinning = true;
        sched.becomeSpinning();
        inherit[0] = false;
        return np.runqPutGlobalBatch(globalBatch, n, sched);
    }

    private void resetSpinning() {
        spinning = false;
        sched.stopSpinning();
        sched.wakep(); // the last spinner to find work wakes another to look for more
    }

    // ---------------------------------------------------------------- Ps and parking

    private void acquirep(Processor np) {
        if (np.status() != Processor.IDLE) {
            throw new IllegalStateException("acquirep: " + np + " is not idle");
        }
        boolean worldWasIdle = sched.npidle() + 1 == sched.config.procs();
        np.setStatus(Processor.RUNNING);
        wirep(np);
        if (worldWasIdle) {
            sched.wakeSysmon();
        }
    }

    private void wirep(Processor np) {
        p = np;
        np.m = this;
    }

    private Processor releasep() {
        Processor pp = p;
        p = null;
        pp.m = null;
        return pp;
    }

    /**
     * Parks on the idle M list until startm hands over a P; returns false if woken to exit. Called
     * only without a P. (Go: {@code stopm})
     */
    private boolean stopm() {
        assert Thread.currentThread() == this;
        if (p != null || spinning) {
            throw new IllegalStateException("stopm with a P or spinning");
        }
        sched.lock.lock();
        try {
            if (sched.isShutdown()) {
                return false;
            }
            notified = false;
            sched.mput(this);
        } finally {
            sched.lock.unlock();
        }
        counters.inc(Metric.PARKS);
        while (!notified) {
            LockSupport.park(this);
        }
        counters.inc(Metric.UNPARKS);
        Processor np = nextp;
        nextp = null;
        if (np == null) {
            return false;
        }
        acquirep(np);
        return true;
    }

    // ---------------------------------------------------------------- called by the G on this M

    /**
     * The G running here enters a blocking call: this M lets go of its P, which stays in SYSCALL
     * for the M to take back if sysmon has not handed it off meanwhile. Called only by the G
     * mounted on this M. (Go: {@code entersyscall}, the model of Go before 1.26)
     */
    void entersyscall() {
        assert Goroutine.currentMachine(sched) == this && Thread.currentThread() != this;
        Processor pp = releasep();
        oldp = pp;
        pp.setStatus(Processor.SYSCALL);
        syscallG = Thread.currentThread();
        sched.wakeSysmon();
    }

    /**
     * The G's blocking call returned. Fast path: take the same P back. Otherwise leave the CPU
     * through the M, which finds another P or queues the G globally (Go: {@code exitsyscall}).
     * Called only by the G that entered the call, on whatever M it is now mounted on.
     */
    static void exitsyscall(Sched sched) {
        Thread me = Thread.currentThread();
        Machine m = Goroutine.currentMachine(sched);
        if (m == null || m.syscallG != me) {
            return; // the G parked during the call and its M already gave the call up; it runs with a P now
        }
        m.syscallG = null;
        Processor op = m.oldp;
        m.oldp = null;
        if (op.casStatus(Processor.SYSCALL, Processor.RUNNING)) {
            m.wirep(op);
            op.tickSyscall();
            return;
        }
        m.yieldReason = YIELD_EXITSYSCALL;
        Thread.yield();
        Machine now = Goroutine.currentMachine(sched);
        if (now == m && m.p == null) {
            // the yield did not unmount (the G is pinned): wait for a P on this thread
            m.yieldReason = YIELD_NONE;
            m.waitForIdleP();
        }
    }

    /** A pinned G that lost its P waits for one on this thread. Called only by that G. */
    private void waitForIdleP() {
        for (;;) {
            Processor np;
            sched.lock.lock();
            try {
                np = sched.pidleget();
            } finally {
                sched.lock.unlock();
            }
            if (np != null) {
                acquirep(np);
                return;
            }
            LockSupport.parkNanos(sched.config.sysmonMinNanos());
        }
    }

    @Override
    public String toString() {
        return "M" + mid + (p != null ? "/" + p : "");
    }
}
