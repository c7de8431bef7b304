package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.time.Duration;
import java.util.List;

/**
 * {@code sleep}: each task waits {@code duration}. The I/O-bound baseline, and with a million tasks
 * and a long duration, the classic "memory for a million concurrent tasks" test.
 */
public final class SleepWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("sleep", "each task waits `duration` (timer-bound I/O)",
            WorkloadKind.IO,
            List.of(ParamInfo.duration("duration", "10ms", Duration.ZERO, Duration.ofHours(1), "how long each task waits")));

    private final Duration duration;

    public SleepWorkload(Params params) {
        super(INFO, params);
        this.duration = params.duration("duration");
    }

    @Override
    public Task task(int index) {
        return ctx -> {
            ctx.sleep(duration);
            ledger.finished(index);
        };
    }
}
