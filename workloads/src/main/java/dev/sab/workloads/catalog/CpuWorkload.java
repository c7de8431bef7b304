package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.TaskLedger;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.util.List;

/** {@code cpu}: each task burns {@code units} of calibrated CPU work (one unit ≈ 1 µs). */
public final class CpuWorkload implements Workload {
    public static final WorkloadInfo INFO = new WorkloadInfo("cpu", "each task burns `units` of calibrated CPU work",
            WorkloadKind.CPU,
            List.of(ParamInfo.integer("units", 1000, 0, 1_000_000_000L, "units of ~1 µs", "CPU work per task")));

    private final Params params;
    private final long units;
    private TaskLedger ledger;

    public CpuWorkload(Params params) {
        this.params = params;
        this.units = params.longValue("units");
    }

    @Override
    public WorkloadInfo info() {
        return INFO;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void setup(WorkloadEnv env) {
        ledger = new TaskLedger(env.tasks());
    }

    @Override
    public Task task(int index) {
        return ctx -> {
            ctx.cpu(units);
            ledger.finished(index);
        };
    }

    @Override
    public Verification verify() {
        return ledger.verify();
    }
}
