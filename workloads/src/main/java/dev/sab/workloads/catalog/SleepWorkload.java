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

import java.time.Duration;
import java.util.List;

/**
 * {@code sleep}: each task waits {@code duration}. The I/O-bound baseline, and with a million tasks
 * and a long duration, the classic "memory for a million concurrent tasks" test.
 */
public final class SleepWorkload implements Workload {
    public static final WorkloadInfo INFO = new WorkloadInfo("sleep", "each task waits `duration` (timer-bound I/O)",
            WorkloadKind.IO,
            List.of(ParamInfo.duration("duration", "10ms", Duration.ZERO, Duration.ofHours(1), "how long each task waits")));

    private final Params params;
    private final Duration duration;
    private TaskLedger ledger;

    public SleepWorkload(Params params) {
        this.params = params;
        this.duration = params.duration("duration");
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
            ctx.sleep(duration);
            ledger.finished(index);
        };
    }

    @Override
    public Verification verify() {
        return ledger.verify();
    }
}
