package dev.sab.schedulers.gmp;

import dev.sab.schedulers.SchedulerMetrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduler's counters (STYLE.md rule 7): single-writer, published cheaply, read off the hot
 * path. Each P has a {@link Counters} written only by the M holding that P (ownership of a P moves
 * between Ms only through the scheduler lock or a CAS on its status, which order the writes); each
 * M has one written only by itself; sysmon has one; the scheduler lock's holder writes one for work
 * readied from outside. A write is a plain increment stored with opaque mode (on x86 a plain
 * store, no fence); {@link #report} reads with opaque mode, so a snapshot may be a few increments
 * behind but never torn, and counters never go backwards.
 *
 * <p>Every metric is monotonic except {@code runqDepthMax} and {@code spinningPeak}, which are
 * peaks (they only grow too) and the gauges at the end of the report.
 */
final class GmpMetrics {

    /** What is counted, with its unit and meaning. */
    enum Metric {
        SCHEDTICKS("schedticks", "ticks", "Gs started with a fresh time slice (Go: p.schedtick)"),
        RUNNEXT_HITS("runnextHits", "gs", "Gs taken from a P's runnext slot (inheriting the time slice)"),
        LOCAL_ENQUEUES("localEnqueues", "gs", "Gs put at the tail of a local run queue"),
        GLOBAL_ENQUEUES("globalEnqueues", "gs", "Gs put on the global run queue"),
        GLOBAL_DEQUEUES("globalDequeues", "gs", "Gs taken from the global run queue"),
        OVERFLOW_MOVES("overflowMoves", "events", "times a full local queue moved half of itself to the global queue"),
        STEAL_OPS("stealOps", "events", "successful steals from another P"),
        STOLEN("stolen", "gs", "Gs taken by those steals"),
        TIMERS_FIRED("timersFired", "timers", "sleep timers fired"),
        RUNQ_DEPTH_MAX("runqDepthMax", "gs", "deepest a local run queue has been (peak)"),
        PREEMPTIONS("preemptions", "gs", "Gs that yielded at a safe point because sysmon asked"),
        SPINNING_PEAK("spinningPeak", "threads", "most Ms spinning for work at once (peak)"),
        MS_CREATED("msCreated", "threads", "Ms (carrier OS threads) started"),
        PARKS("parks", "events", "times an M parked for lack of work"),
        UNPARKS("unparks", "events", "times a parked M was woken"),
        PREEMPT_REQUESTS("preemptRequests", "events", "sysmon requests to preempt a G that ran longer than forcePreempt"),
        HANDOFFS("handoffs", "events", "Ps retaken by sysmon from an M in a blocking call and handed to another M"),
        SYSMON_ROUNDS("sysmonRounds", "rounds", "sysmon rounds (it wakes every 20us, backing off to 10ms)");

        final String key;
        final String unit;
        final String description;

        Metric(String key, String unit, String description) {
            this.key = key;
            this.unit = unit;
            this.description = description;
        }

        boolean isPeak() {
            return this == RUNQ_DEPTH_MAX || this == SPINNING_PEAK;
        }
    }

    /** The metrics a P counts, reported per P as well as in total. */
    static final List<Metric> PER_P = List.of(Metric.SCHEDTICKS, Metric.RUNNEXT_HITS, Metric.LOCAL_ENQUEUES,
            Metric.GLOBAL_ENQUEUES, Metric.GLOBAL_DEQUEUES, Metric.OVERFLOW_MOVES, Metric.STEAL_OPS, Metric.STOLEN,
            Metric.TIMERS_FIRED, Metric.RUNQ_DEPTH_MAX, Metric.PREEMPTIONS);

    /** One writer's counters. Written only by their single writer; read by anyone. */
    static final class Counters {
        private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
        private final long[] values = new long[Metric.values().length];

        /** Adds one. Called only by this set's writer. */
        void inc(Metric m) {
            add(m, 1);
        }

        /** Adds {@code n}. Called only by this set's writer. */
        void add(Metric m, long n) {
            int i = m.ordinal();
            SLOT.setOpaque(values, i, (long) SLOT.getOpaque(values, i) + n); // opaque: untorn for readers, no fence
        }

        /** Raises a peak to {@code x}. Called only by this set's writer. */
        void peak(Metric m, long x) {
            int i = m.ordinal();
            if (x > (long) SLOT.getOpaque(values, i)) {
                SLOT.setOpaque(values, i, x);
            }
        }

        /** The value now, possibly a few increments behind. Any thread. */
        long get(Metric m) {
            return (long) SLOT.getOpaque(values, m.ordinal());
        }
    }

    final Counters sysmon = new Counters();
    /** Written only with the scheduler lock held: Gs readied from outside, Ms created. */
    final Counters locked = new Counters();
    private final AtomicInteger spinningPeak = new AtomicInteger();

    /** Records that {@code spinning} Ms spin now. Any thread. */
    void spinning(int spinning) {
        int peak;
        while (spinning > (peak = spinningPeak.get())) {
            if (spinningPeak.compareAndSet(peak, spinning)) {
                return;
            }
        }
    }

    /**
     * Writes the totals, then every per-P metric as {@code p<id>.<name>}, then the gauges.
     * Not on a hot path.
     */
    void report(SchedulerMetrics.Builder b, Sched sched) {
        Processor[] allp = sched.allp();
        List<Machine> allm = sched.allm();
        for (Metric m : Metric.values()) {
            long total = m == Metric.SPINNING_PEAK ? spinningPeak.get() : 0;
            for (Processor p : allp) {
                total = combine(m, total, p.counters.get(m));
            }
            for (Machine mach : allm) {
                total = combine(m, total, mach.counters.get(m));
            }
            total = combine(m, total, sysmon.get(m));
            total = combine(m, total, locked.get(m));
            b.counter(m.key, m.unit, total, m.description);
        }
        for (Processor p : allp) {
            for (Metric m : PER_P) {
                b.counter("p" + p.id + "." + m.key, m.unit, p.counters.get(m), m.description + ", on P" + p.id);
            }
        }
        b.gauge("procs", "ps", allp.length, "Ps (GOMAXPROCS)");
        b.gauge("idleProcs", "ps", sched.idleProcs(), "Ps on the idle list now");
        b.gauge("threads", "threads", allm.size(), "Ms (carrier OS threads) alive now");
        b.gauge("spinningNow", "threads", sched.spinningNow(), "Ms spinning for work now");
        b.gauge("globalQueueLength", "gs", sched.globalQueue().size(), "Gs on the global run queue now");
        int timers = 0;
        for (Processor p : allp) {
            timers += p.timers.size();
        }
        b.gauge("timersPending", "timers", timers, "timers in the P heaps now (cancelled ones included until cleaned)");
    }

    private static long combine(Metric m, long total, long v) {
        return m.isPeak() ? Math.max(total, v) : total + v;
    }
}
