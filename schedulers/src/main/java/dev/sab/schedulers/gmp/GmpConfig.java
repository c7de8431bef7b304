package dev.sab.schedulers.gmp;

import dev.sab.schedulers.Settings;

/**
 * Every number the model runs on, each one a setting of the {@code gmp} spec and so written into
 * results. The defaults are Go's; the comment on each component says where in Go's runtime the
 * value comes from.
 *
 * @param procs             Ps, Go's GOMAXPROCS ({@code sched.gomaxprocs}; default: the number of cores)
 * @param preempt           whether sysmon asks long-running Gs to yield (Go: {@code retake} →
 *                          {@code preemptone}; Go turns only the signal part off, with
 *                          GODEBUG=asyncpreemptoff=1, so "off" models Go before 1.14 in a tight loop)
 * @param runqSize          capacity of each P's local run queue (Go: {@code runq [256]guintptr})
 * @param globalCheckTick   the local queue yields to the global queue every this many schedticks
 *                          (Go: {@code pp.schedtick%61 == 0} in {@code findRunnable})
 * @param stealTries        passes over the other Ps before an M gives up stealing
 *                          (Go: {@code const stealTries = 4} in {@code stealWork})
 * @param stealPauseNanos   pause before taking a running P's runnext on the last pass
 *                          (Go: {@code usleep(3)} in {@code runqgrab})
 * @param sysmonMinNanos    sysmon's shortest sleep (Go: {@code delay = 20} µs in {@code sysmon})
 * @param sysmonMaxNanos    sysmon's longest sleep (Go: {@code delay > 10*1000} µs cap)
 * @param sysmonIdleCycles  idle sysmon cycles before its sleep starts doubling
 *                          (Go: {@code idle > 50} in {@code sysmon})
 * @param forcePreemptNanos time slice after which sysmon asks a G to yield
 *                          (Go: {@code forcePreemptNS = 10ms})
 * @param syscallIdleNanos  how long a P with nothing queued may stay in a blocking call while other
 *                          Ms are idle before sysmon retakes it anyway
 *                          (Go: {@code pd.syscallwhen+10*1000*1000 > now} in {@code retake})
 * @param randomize         shuffle runnext and local-queue choices, as Go's race build does
 *                          (Go: {@code randomizeScheduler = raceenabled})
 */
record GmpConfig(int procs, boolean preempt, int runqSize, int globalCheckTick, int stealTries,
                 long stealPauseNanos, long sysmonMinNanos, long sysmonMaxNanos, int sysmonIdleCycles,
                 long forcePreemptNanos, long syscallIdleNanos, boolean randomize) {

    static final int DEFAULT_RUNQ = 256;            // Go: runq [256]guintptr (runtime2.go)
    static final int GLOBAL_CHECK_TICK = 61;        // Go: pp.schedtick%61 == 0 (proc.go, findRunnable)
    static final int STEAL_TRIES = 4;               // Go: const stealTries = 4 (proc.go, stealWork)
    static final long STEAL_PAUSE_NANOS = 3_000;    // Go: usleep(3) (proc.go, runqgrab)
    static final long SYSMON_MIN_NANOS = 20_000;    // Go: delay = 20 µs (proc.go, sysmon)
    static final long SYSMON_MAX_NANOS = 10_000_000; // Go: if delay > 10*1000 { delay = 10 * 1000 } µs
    static final int SYSMON_IDLE_CYCLES = 50;       // Go: else if idle > 50 { delay *= 2 }
    static final long FORCE_PREEMPT_NANOS = 10_000_000; // Go: forcePreemptNS = 10 * 1000 * 1000
    static final long SYSCALL_IDLE_NANOS = 10_000_000;  // Go: pd.syscallwhen+10*1000*1000 > now (retake)

    GmpConfig {
        if (procs < 1) {
            throw new IllegalArgumentException("procs must be ≥ 1, was " + procs);
        }
        if (runqSize < 2 || Integer.bitCount(runqSize) != 1) {
            throw new IllegalArgumentException("runq must be a power of two ≥ 2, was " + runqSize);
        }
    }

    /** Go's defaults with {@code procs} Ps. */
    static GmpConfig defaults(int procs) {
        return new GmpConfig(procs, true, DEFAULT_RUNQ, GLOBAL_CHECK_TICK, STEAL_TRIES, STEAL_PAUSE_NANOS,
                SYSMON_MIN_NANOS, SYSMON_MAX_NANOS, SYSMON_IDLE_CYCLES, FORCE_PREEMPT_NANOS, SYSCALL_IDLE_NANOS, false);
    }

    /** The configuration a validated {@code gmp} spec asks for. */
    static GmpConfig from(Settings s) {
        return new GmpConfig(s.intValue("procs"), s.onOff("preempt"), s.intValue("runq"), s.intValue("globalTick"),
                s.intValue("stealTries"), s.duration("stealPause").toNanos(), s.duration("sysmonMin").toNanos(),
                s.duration("sysmonMax").toNanos(), s.intValue("sysmonIdle"), s.duration("forcePreempt").toNanos(),
                s.duration("syscallIdle").toNanos(), s.onOff("randomize"));
    }

    GmpConfig withPreempt(boolean on) {
        return new GmpConfig(procs, on, runqSize, globalCheckTick, stealTries, stealPauseNanos, sysmonMinNanos,
                sysmonMaxNanos, sysmonIdleCycles, forcePreemptNanos, syscallIdleNanos, randomize);
    }
}
