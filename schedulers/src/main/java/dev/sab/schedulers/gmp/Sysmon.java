package dev.sab.schedulers.gmp;

import dev.sab.schedulers.gmp.GmpMetrics.Metric;

import java.util.concurrent.locks.LockSupport;

/**
 * sysmon: Go's system monitor, a thread that holds no P and wakes every 20 µs, backing off to
 * 10 ms while nothing happens (Go: {@code sysmon}). Each round it looks at every P
 * ({@link #retake}):
 * <ul>
 *   <li>a P that has run the same time slice (the same schedtick) for {@code forcePreempt}: its
 *       M's current G is asked to yield at its next safe point, or, if it parks first, to end
 *       the slice there ({@code preemptone}; {@code Machine.endPreemptedSlice});</li>
 *   <li>a P whose M has been in a blocking call since the previous round: taken from that M and
 *       handed to another ({@code handoffp}), unless it has nothing queued, other Ms are idle and
 *       the call is younger than {@code syscallIdle}.</li>
 * </ul>
 * When every P is idle it sleeps until the earliest timer (at most a minute) or until an M takes
 * a P or enters a blocking call.
 *
 * <p>Its fields are touched only by its own thread, except {@link #wake} and {@link #stop}.
 * Time comes from the scheduler's {@link Ticker}, so {@link #retake} and {@link #nextDelay} can be
 * driven step by step in tests.
 */
final class Sysmon implements Runnable {
    private static final long DEEP_SLEEP_MAX_NANOS = 60_000_000_000L; // Go: forcegcperiod / 2 (2 min / 2)

    private final Sched sched;
    private final GmpConfig config;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean deepSleeping; // Go: sched.sysmonwait
    private int idle;
    private long delay;

    Sysmon(Sched sched) {
        this.sched = sched;
        this.config = sched.config;
        this.thread = new Thread(this, "gmp-sysmon");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends a deep sleep (Go: {@code notewakeup(&sched.sysmonnote)}). Any thread. */
    void wake() {
        if (deepSleeping) {
            deepSleeping = false;
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            LockSupport.parkNanos(this, nextDelay());
            if (stopped) {
                return;
            }
            if (sched.npidle() == config.procs()) {
                deepSleep();
            }
            round(sched.ticker.nanoTime());
        }
    }

    /**
     * How long to sleep before the next round: the minimum while rounds find work, doubling after
     * {@code sysmonIdle} idle rounds, never above the maximum. (Go: the top of {@code sysmon})
     */
    long nextDelay() {
        if (idle == 0) {
            delay = config.sysmonMinNanos();
        } else if (idle > config.sysmonIdleCycles()) {
            delay *= 2;
        }
        delay = Math.min(delay, config.sysmonMaxNanos());
        return delay;
    }

    /** One round at time {@code now}: retake, then count the round as idle or not. */
    void round(long now) {
        int retaken = retake(now);
        sched.metrics.sysmon.inc(Metric.SYSMON_ROUNDS);
        idle = retaken != 0 ? 0 : idle + 1;
    }

    private void deepSleep() {
        deepSleeping = true;
        if (sched.npidle() != config.procs()) { // an M took a P meanwhile
            deepSleeping = false;
            return;
        }
        long now = sched.ticker.nanoTime();
        long next = sched.checkTimersNoP(0);
        long sleep = next == 0 ? DEEP_SLEEP_MAX_NANOS : Math.min(DEEP_SLEEP_MAX_NANOS, next - now);
        if (sleep > 0) {
            LockSupport.parkNanos(this, sleep);
        }
        if (!deepSleeping) { // woken by a syscall or a P going busy: expect work again soon (Go: syscallWake)
            idle = 0;
        }
        deepSleeping = false;
    }

    /**
     * Preempts Gs that have run a whole time slice and retakes Ps stuck in blocking calls; returns
     * how many Ps it retook. (Go: {@code retake})
     */
    int retake(long now) {
        int n = 0;
        for (Processor pp : sched.allp()) {
            int s = pp.status();
            if (s != Processor.RUNNING && s != Processor.SYSCALL) {
                continue;
            }
            boolean sysretake = false;
            // the same schedtick for too long: one G, or a chain of runnext Gs sharing its slice
            int tick = pp.schedtick();
            if (pp.sysmonSchedtick != tick) {
                pp.sysmonSchedtick = tick;
                pp.sysmonSchedwhen = now;
            } else if (pp.sysmonSchedwhen + config.forcePreemptNanos() <= now) {
                if (config.preempt()) {
                    preemptone(pp);
                }
                sysretake = true; // a P in a blocking call that long is retaken below whatever else holds
            }
            if (s != Processor.SYSCALL) {
                continue;
            }
            // retake a P that has been in a blocking call for more than one sysmon round
            int stick = pp.syscalltick();
            if (!sysretake && pp.sysmonSyscalltick != stick) {
                pp.sysmonSyscalltick = stick;
                pp.sysmonSyscallwhen = now;
                continue;
            }
            // nothing queued and others idle: leave it a while, so a quick call gets its P back
            if (pp.runq.isEmpty() && sched.nmspinning() + sched.npidle() > 0
                    && pp.sysmonSyscallwhen + config.syscallIdleNanos() > now) {
                continue;
            }
            if (pp.casStatus(Processor.SYSCALL, Processor.IDLE)) {
                n++;
                pp.tickSyscall();
                sched.metrics.sysmon.inc(Metric.HANDOFFS);
                sched.handoffp(pp);
            }
        }
        return n;
    }

    /** Asks the G running on {@code pp} to yield at its next safe point. (Go: {@code preemptone}) */
    private void preemptone(Processor pp) {
        Machine m = pp.m;
        if (m == null || m.inSyscall() || m.preempt) {
            return;
        }
        m.preempt = true;
        sched.metrics.sysmon.inc(Metric.PREEMPT_REQUESTS);
    }
}
