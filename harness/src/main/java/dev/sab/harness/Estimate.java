package dev.sab.harness;

import dev.sab.schedulers.CpuKernel;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;

import java.time.Duration;

/**
 * A rough estimate of how long a trial takes, for {@code --dry-run}: JVM start-up, the memory
 * baseline, and (warm-up + 1) iterations, each estimated from the workload's parameters. A
 * parameter that is a duration is taken as time each task waits; a parameter counted in CPU units
 * as work each task does (weighted by a ratio parameter of the same prefix, as
 * {@code heavyUnits} by {@code heavyRatio}, when there is one). Waits overlap across the tasks in flight; CPU work is shared by the
 * cores. Workloads whose cost hides elsewhere (a server, a ratio of heavy tasks) are
 * underestimated: the figure is a guide for planning a sweep, not a prediction.
 */
public final class Estimate {
    /**
     * Start-up and shutdown of a trial JVM, class loading, the CPU calibration's check, the probe's
     * drain: 1.4 to 2.4 s a trial for ten 1 ms sleeps on the 2-core development VM while other
     * builds kept it busy (load 9), so about 1 s on a quiet one.
     */
    static final Duration FORK = Duration.ofMillis(1000);
    /** The full GC and the wait for the resident set to settle before the baseline (see MemoryMonitor: at least 100 ms). */
    static final Duration BASELINE = Duration.ofMillis(300);
    /** Spawning and joining one task, on the harness's side. */
    private static final long SPAWN_NANOS = 5_000;

    private Estimate() {
    }

    /** One trial of {@code cell}. */
    public static Duration trial(Cell cell, RunOptions options) {
        Duration iteration = iteration(cell);
        Duration all = iteration.multipliedBy(options.warmup() + 1).plus(BASELINE);
        return options.fork() ? all.plus(FORK) : all;
    }

    /** Every trial of every cell. */
    public static Duration total(Iterable<Cell> cells, RunOptions options) {
        Duration sum = Duration.ZERO;
        for (Cell c : cells) {
            sum = sum.plus(trial(c, options).multipliedBy(options.trials()));
        }
        return sum;
    }

    /** The ratio parameter {@code <prefix>Ratio} of a units parameter {@code <prefix>Units}, or 1. */
    private static double share(WorkloadInfo info, Params params, String unitsParam) {
        if (!unitsParam.endsWith("Units")) {
            return 1;
        }
        String ratio = unitsParam.substring(0, unitsParam.length() - "Units".length()) + "Ratio";
        return info.params().stream().filter(p -> p.name().equals(ratio) && p.type() == ParamInfo.Type.RATIO).findFirst()
                .map(p -> ((Number) p.parse(info.name(), params.asWritten().get(ratio))).doubleValue())
                .orElse(1.0);
    }

    static Duration iteration(Cell cell) {
        WorkloadInfo info = Workloads.info(cell.workload());
        Params params = Workloads.params(info, cell.params());
        double waitNanos = 0;
        double cpuNanos = 0;
        for (ParamInfo p : info.params()) {
            Object v = params.asWritten().containsKey(p.name()) ? p.parse(info.name(), params.asWritten().get(p.name())) : null;
            if (v instanceof Duration d) {
                waitNanos += d.toNanos();
            } else if (v instanceof Long units && p.unit().startsWith("units of")) {
                cpuNanos += units * CpuKernel.calibration().nsPerUnit() * share(info, params, p.name());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int n = cell.tasks();
        double totalCpu = n * cpuNanos / cores;
        double nanos = switch (cell.arrival()) {
            case Arrival.Burst b -> Math.max(waitNanos, totalCpu) + n * SPAWN_NANOS;
            case Arrival.Closed c -> Math.max(Math.ceil((double) n / c.concurrency()) * waitNanos, totalCpu) + n * SPAWN_NANOS;
            case Arrival.Open o -> Math.max(n / o.ratePerSec() * 1e9, totalCpu) + waitNanos;
        };
        return Duration.ofNanos((long) nanos);
    }
}
