package dev.sab.schedulers.gmp;

import dev.sab.schedulers.Durations;
import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerProvider;
import dev.sab.schedulers.SettingInfo;
import dev.sab.schedulers.SettingInfo.Type;
import dev.sab.schedulers.Settings;

import java.time.Duration;
import java.util.List;

/**
 * Registers {@code gmp}: Go's G-M-P scheduler over virtual threads. Every tuning constant of the
 * model is a setting (see {@link GmpConfig} for where each default comes from in Go's runtime), so
 * the values a trial ran with are written into its results.
 */
public final class GmpProvider implements SchedulerProvider {

    @Override
    public SchedulerInfo info() {
        return new SchedulerInfo("gmp",
                "Go's G-M-P scheduler: goroutines (virtual threads) on Ms holding Ps, per-P run queues with runnext,"
                        + " work stealing, sysmon preemption and syscall handoff, per-P timers",
                List.of(
                        new SettingInfo("procs", Type.POSITIVE_INT, Integer.toString(Runtime.getRuntime().availableProcessors()),
                                "Ps, Go's GOMAXPROCS (default: the number of cores)"),
                        new SettingInfo("preempt", Type.ON_OFF, "on",
                                "sysmon asks a G that ran longer than forcePreempt to yield at its next safe point (Go 1.14+); off models a tight loop before 1.14"),
                        new SettingInfo("runq", Type.POWER_OF_TWO, Integer.toString(GmpConfig.DEFAULT_RUNQ),
                                "capacity of each P's local run queue (Go: runq [256]guintptr)"),
                        new SettingInfo("globalTick", Type.POSITIVE_INT, Integer.toString(GmpConfig.GLOBAL_CHECK_TICK),
                                "a P takes from the global queue first every this many schedticks (Go: schedtick%61)"),
                        new SettingInfo("stealTries", Type.POSITIVE_INT, Integer.toString(GmpConfig.STEAL_TRIES),
                                "passes over the other Ps before a spinning M gives up (Go: stealTries = 4)"),
                        new SettingInfo("stealPause", Type.DURATION, format(GmpConfig.STEAL_PAUSE_NANOS),
                                "pause before stealing a running P's runnext (Go: usleep(3) in runqgrab)"),
                        new SettingInfo("sysmonMin", Type.DURATION, format(GmpConfig.SYSMON_MIN_NANOS),
                                "sysmon's shortest sleep (Go: 20us)"),
                        new SettingInfo("sysmonMax", Type.DURATION, format(GmpConfig.SYSMON_MAX_NANOS),
                                "sysmon's longest sleep once nothing happens (Go: 10ms)"),
                        new SettingInfo("sysmonIdle", Type.POSITIVE_INT, Integer.toString(GmpConfig.SYSMON_IDLE_CYCLES),
                                "idle sysmon cycles before its sleep starts doubling (Go: 50)"),
                        new SettingInfo("forcePreempt", Type.DURATION, format(GmpConfig.FORCE_PREEMPT_NANOS),
                                "time slice before sysmon asks a G to yield (Go: forcePreemptNS = 10ms)"),
                        new SettingInfo("syscallIdle", Type.DURATION, format(GmpConfig.SYSCALL_IDLE_NANOS),
                                "sysmon retakes a P with no queued work from a blocking call after this even when Ms are idle (Go: 10ms)"),
                        new SettingInfo("randomize", Type.ON_OFF, "off",
                                "shuffle runnext and local-queue choices, as Go's race build does (randomizeScheduler)")));
    }

    @Override
    public Scheduler create(Settings settings) {
        return new GmpScheduler(GmpConfig.from(settings), Ticker.SYSTEM);
    }

    @Override
    public List<String> contractVariants() {
        return List.of("gmp:procs=1", "gmp:procs=2", "gmp:procs=4", "gmp:procs=2,runq=4", "gmp:procs=2,randomize=on");
    }

    private static String format(long nanos) {
        return Durations.format(Duration.ofNanos(nanos));
    }
}
