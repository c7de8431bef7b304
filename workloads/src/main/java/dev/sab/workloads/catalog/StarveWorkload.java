package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code starve}: can a light task get on time while every processor is busy? The first
 * {@code hogs} tasks (default: one per available processor) each burn {@code hogUnits} of CPU,
 * tagged {@code hog}; every other task is a light tick, tagged {@code light}: it sleeps
 * {@code period} and records how late it woke. Its latency (tag {@code light}) is period +
 * scheduling delay; {@code tickLateness*} in the workload metrics is the wake-up lateness alone,
 * on the scheduler's clock.
 *
 * <p>Expected shapes: platform threads keep the ticks on time (the OS preempts the hogs); gmp
 * preempts a hog after its 10 ms time slice; virtual threads and an event loop have no preemption,
 * so the ticks wait for the hogs. In burst mode every tick starts at once; with the harness's
 * {@code --rate} arrival the ticks come one per interval, as a real ticker does.
 */
public final class StarveWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("starve",
            "CPU hogs (one per processor) and light ticks that sleep `period`: do the ticks keep time?", WorkloadKind.MIXED,
            List.of(ParamInfo.integer("hogs", 0, 0, 4096, "tasks", "CPU hogs (0: one per available processor)"),
                    ParamInfo.integer("hogUnits", 200_000, 0, 1_000_000_000L, "units of ~1 µs", "CPU work of one hog"),
                    ParamInfo.duration("period", "1ms", Duration.ofNanos(1), Duration.ofMinutes(1), "how long each tick sleeps")));

    private final long hogUnits;
    private final Duration period;
    private int hogs;
    private final Recorder lateness = new Recorder(3);
    private final LongAdder ticks = new LongAdder();
    private final LongAdder hogsRan = new LongAdder();

    public StarveWorkload(Params params) {
        super(INFO, params);
        this.hogUnits = params.longValue("hogUnits");
        this.period = params.duration("period");
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        int given = params.intValue("hogs");
        hogs = given > 0 ? given : Runtime.getRuntime().availableProcessors();
        if (env.tasks() <= hogs) {
            throw new IllegalArgumentException("workload 'starve' needs more tasks than hogs: " + env.tasks() + " tasks with "
                    + hogs + " hogs leaves no tick; expected --tasks above " + hogs + " (or a smaller hogs parameter)");
        }
    }

    @Override
    public Task task(int index) {
        if (index < hogs) {
            return ctx -> {
                ctx.cpu(hogUnits);
                hogsRan.increment();
                ledger.finished(index);
            };
        }
        long periodNanos = period.toNanos();
        return ctx -> {
            long before = ctx.nanoTime();
            ctx.sleep(period);
            lateness.recordValue(Math.max(0, ctx.nanoTime() - before - periodNanos));
            ticks.increment();
            ledger.finished(index);
        };
    }

    @Override
    public String tag(int index) {
        return index < hogs ? "hog" : "light";
    }

    @Override
    protected Verification check() {
        Histogram late = lateness.getIntervalHistogram();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("hogs", hogs);
        metrics.put("ticks", ticks.sum());
        metrics.put("tickLatenessP50Ns", late.getValueAtPercentile(50));
        metrics.put("tickLatenessP99Ns", late.getValueAtPercentile(99));
        metrics.put("tickLatenessMaxNs", late.getMaxValue());
        long expectedTicks = env.tasks() - hogs;
        if (ticks.sum() != expectedTicks || hogsRan.sum() != hogs) {
            return Verification.failed("ran " + hogsRan.sum() + " hogs and " + ticks.sum() + " ticks, expected " + hogs + " and "
                    + expectedTicks, metrics);
        }
        return Verification.passed(metrics);
    }
}
