package dev.sab.schedulers.gmp;

import dev.sab.schedulers.gmp.GmpMetrics.Metric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * A P: Go's {@code p}, the right to run Gs. An M runs Gs only while it holds a P; there are
 * {@code procs} of them (GOMAXPROCS). Each has its local run queue with runnext, its timer heap,
 * its ticks and its counters.
 *
 * <p>Status (Go's {@code _Pidle}, {@code _Prunning}, {@code _Psyscall}), changed only as follows:
 * <pre>
 *   IDLE    → RUNNING   an M takes it from the idle list (scheduler lock) or from startm's hand-off
 *   RUNNING → IDLE      its M releases it (then puts it on the idle list under the lock)
 *   RUNNING → SYSCALL   its G enters a blocking call; the M lets go of it (entersyscall)
 *   SYSCALL → RUNNING   CAS by the same M when the call returns (exitsyscall's fast path)
 *   SYSCALL → IDLE      CAS by sysmon, which then hands it off (retake → handoffp)
 * </pre>
 * The CASes out of SYSCALL decide who owns the P. Whoever owns the P is the only writer of its
 * run queue's tail, its ticks and its counters.
 *
 * <p>The {@code sysmon*} fields are sysmon's private memory of this P (Go's {@code sysmontick}).
 */
final class Processor implements LocalRunQueue.Victim {
    static final int IDLE = 0;
    static final int RUNNING = 1;
    static final int SYSCALL = 2;

    private static final VarHandle STATUS;
    private static final VarHandle SCHEDTICK;
    private static final VarHandle SYSCALLTICK;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATUS = l.findVarHandle(Processor.class, "status", int.class);
            SCHEDTICK = l.findVarHandle(Processor.class, "schedtick", int.class);
            SYSCALLTICK = l.findVarHandle(Processor.class, "syscalltick", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    final LocalRunQueue runq;
    final Timers timers = new Timers();
    final GmpMetrics.Counters counters = new GmpMetrics.Counters();
    private final long stealPauseNanos;

    @SuppressWarnings("unused") // accessed through STATUS
    private volatile int status = IDLE;
    /** The M holding this P, null when idle or in a syscall. Written by that M; read racily by sysmon. */
    volatile Machine m;
    @SuppressWarnings("unused") // accessed through SCHEDTICK: written by the owner, read by sysmon
    private int schedtick;
    @SuppressWarnings("unused") // accessed through SYSCALLTICK: written by the owner or sysmon after its CAS
    private int syscalltick;
    /** Next P on the idle list. Guarded by the scheduler lock. */
    Processor link;

    // sysmon's memory of this P (Go: p.sysmontick). Only sysmon reads or writes these. The tick
    // starts at one no P has, so sysmon's first look at a P starts its clock rather than finding
    // a time slice as old as the epoch.
    int sysmonSchedtick = -1;
    long sysmonSchedwhen;
    int sysmonSyscalltick = -1;
    long sysmonSyscallwhen;

    Processor(int id, GmpConfig config) {
        this.id = id;
        this.runq = new LocalRunQueue(config.runqSize(), this, config.randomize());
        this.stealPauseNanos = config.stealPauseNanos();
    }

    int status() {
        return status;
    }

    void setStatus(int s) {
        status = s;
    }

    boolean casStatus(int expected, int next) {
        return STATUS.compareAndSet(this, expected, next);
    }

    /** Ticks the P's scheduling counter: a G starts a fresh time slice. Called only by the owner M. */
    void tickSched() {
        int t = schedtick + 1;
        SCHEDTICK.setOpaque(this, t); // opaque: sysmon reads it racily (Go reads p.schedtick the same way)
        counters.inc(Metric.SCHEDTICKS);
    }

    int schedtick() {
        return (int) SCHEDTICK.getOpaque(this);
    }

    /** Called only by the P's owner, or by sysmon right after its CAS took the P. */
    void tickSyscall() {
        SYSCALLTICK.setOpaque(this, (int) SYSCALLTICK.getOpaque(this) + 1);
    }

    int syscalltick() {
        return (int) SYSCALLTICK.getOpaque(this);
    }

    /**
     * Takes the next local G: runnext first (it inherits the time slice: {@code inherit[0]} is set),
     * then the ring. Called only by the owner M. (Go: {@code runqget})
     */
    Runnable runqGet(boolean[] inherit) {
        assert ownedByCaller();
        Runnable g = runq.takeRunnext();
        if (g != null) {
            inherit[0] = true;
            counters.inc(Metric.RUNNEXT_HITS);
            return g;
        }
        inherit[0] = false;
        return runq.takeHead();
    }

    /**
     * Readies {@code g} on this P (Go: {@code runqput}); a full ring spills half of itself to the
     * global queue. Called only by the owner M, or by the G running on it.
     */
    void runqPut(Runnable g, boolean next, Sched sched) {
        assert ownedByCaller();
        Runnable[] spill = runq.put(g, next);
        if (spill == null) {
            counters.inc(Metric.LOCAL_ENQUEUES);
            counters.peak(Metric.RUNQ_DEPTH_MAX, runq.size());
            return;
        }
        counters.inc(Metric.OVERFLOW_MOVES);
        counters.add(Metric.GLOBAL_ENQUEUES, spill.length);
        sched.globalPutBatch(spill);
    }

    /**
     * Puts {@code batch[1..n)}, Gs taken from the global queue, into the local ring, and returns
     * {@code batch[0]}, which runs now; leaves {@code batch} empty for the caller to reuse. Called
     * only by the owner M.
     */
    Runnable runqPutGlobalBatch(Runnable[] batch, int n, Sched sched) {
        counters.add(Metric.GLOBAL_DEQUEUES, n);
        Runnable first = batch[0];
        batch[0] = null;
        if (n <= 1) {
            return first;
        }
        int put = runq.putBatch(batch, 1, n - 1);
        Arrays.fill(batch, 1, n, null); // the caller reuses the array; it holds no G after this
        counters.add(Metric.LOCAL_ENQUEUES, put);
        counters.peak(Metric.RUNQ_DEPTH_MAX, runq.size());
        if (put < n - 1) {
            throw new IllegalStateException("a batch from the global queue did not fit an empty local queue");
        }
        return first;
    }

    /** Steals from {@code victim} into this P. Called only by the owner M. (Go: {@code runqsteal}) */
    Runnable steal(Processor victim, boolean stealRunnext) {
        Runnable g = runq.steal(victim.runq, stealRunnext);
        if (g != null) {
            counters.inc(Metric.STEAL_OPS);
            counters.add(Metric.STOLEN, runq.lastStolen());
        }
        return g;
    }

    /**
     * Runs this P's due timers; their Gs are readied into the calling M's P. Called only on an M
     * that holds a P ({@code runner}), which counts them.
     */
    int runTimers(long now, Processor runner) {
        int fired = timers.check(now);
        if (fired > 0) {
            runner.counters.add(Metric.TIMERS_FIRED, fired);
        }
        return fired;
    }

    /** Whether the calling code runs on the M holding this P (or off any M: a test driving it by hand). */
    private boolean ownedByCaller() {
        Machine caller = Goroutine.currentMachine();
        return caller == null || caller.p == this;
    }

    @Override
    public void pauseBeforeRunnextSteal() {
        Machine owner = m;
        // Go: the victim is running and its M is not in a syscall, so it may run runnext any moment
        if (status == RUNNING && owner != null && !owner.inSyscall() && stealPauseNanos > 0) {
            LockSupport.parkNanos(stealPauseNanos);
        }
    }

    @Override
    public String toString() {
        return "P" + id;
    }
}
