package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * {@code yield}: each task yields {@code times} times: the cost of a context switch between tasks
 * on each scheduler (a trip through the run queue on gmp, a turn of the loop on the event loop,
 * {@code Thread.yield} on threads).
 */
public final class YieldWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("yield", "each task yields `times` times (switch cost)",
            WorkloadKind.CPU,
            List.of(ParamInfo.integer("times", 100, 0, 1_000_000_000L, "yields", "yields per task")));

    private final int times;
    private AtomicIntegerArray yields;

    public YieldWorkload(Params params) {
        super(INFO, params);
        this.times = params.intValue("times");
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        yields = new AtomicIntegerArray(env.tasks());
    }

    @Override
    public Task task(int index) {
        return ctx -> {
            int done = 0;
            for (int i = 0; i < times; i++) {
                ctx.yield();
                done++;
            }
            yields.set(index, done); // volatile write: read by check() after the harness joined the task
            ledger.finished(index);
        };
    }

    @Override
    protected Verification check() {
        long total = 0;
        for (int i = 0; i < yields.length(); i++) {
            total += yields.get(i);
        }
        long expected = (long) times * yields.length();
        Map<String, Number> metrics = Map.of("yields", total);
        return total == expected ? Verification.passed(metrics)
                : Verification.failed("tasks yielded " + total + " times in all, expected " + expected, metrics);
    }
}
