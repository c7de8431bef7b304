package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code heavy-light}: the in-process form of "/heavy freezes /light". A share {@code heavyRatio}
 * of tasks burn {@code heavyUnits} of CPU, the rest {@code lightUnits}; their latencies are tagged
 * {@code heavy} and {@code light}. Which tasks are heavy is fixed by index, spread evenly (task i is
 * heavy when ⌊(i+1)·ratio⌋ > ⌊i·ratio⌋), so every scheduler sees the same sequence.
 */
public final class HeavyLightWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("heavy-light",
            "a share `heavyRatio` of tasks burn `heavyUnits` of CPU, the rest are light; tagged heavy and light",
            WorkloadKind.MIXED,
            List.of(ParamInfo.ratio("heavyRatio", 0.01, "share of tasks that are heavy"),
                    ParamInfo.integer("heavyUnits", 10_000, 0, 1_000_000_000L, "units of ~1 µs", "CPU work of a heavy task"),
                    ParamInfo.integer("lightUnits", 10, 0, 1_000_000_000L, "units of ~1 µs", "CPU work of a light task")));

    private final double ratio;
    private final long heavyUnits;
    private final long lightUnits;
    private final LongAdder heavyRan = new LongAdder();
    private final LongAdder lightRan = new LongAdder();

    public HeavyLightWorkload(Params params) {
        super(INFO, params);
        this.ratio = params.ratio("heavyRatio");
        this.heavyUnits = params.longValue("heavyUnits");
        this.lightUnits = params.longValue("lightUnits");
    }

    /** Whether task {@code index} is heavy: evenly spread, exactly ⌊n·ratio⌋ of the first n tasks. */
    static boolean heavy(int index, double ratio) {
        return Math.floor((index + 1) * ratio) > Math.floor(index * ratio);
    }

    @Override
    public Task task(int index) {
        boolean heavy = heavy(index, ratio);
        return ctx -> {
            ctx.cpu(heavy ? heavyUnits : lightUnits);
            (heavy ? heavyRan : lightRan).increment();
            ledger.finished(index);
        };
    }

    @Override
    public String tag(int index) {
        return heavy(index, ratio) ? "heavy" : "light";
    }

    @Override
    protected Verification check() {
        int tasks = env.tasks();
        long expectedHeavy = (long) Math.floor(tasks * ratio);
        Map<String, Number> metrics = Map.of("heavyTasks", heavyRan.sum(), "lightTasks", lightRan.sum());
        if (heavyRan.sum() != expectedHeavy || lightRan.sum() != tasks - expectedHeavy) {
            return Verification.failed("ran " + heavyRan.sum() + " heavy and " + lightRan.sum() + " light tasks, expected "
                    + expectedHeavy + " and " + (tasks - expectedHeavy), metrics);
        }
        return Verification.passed(metrics);
    }
}
