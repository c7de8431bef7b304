package dev.sab.harness.fakes;

import dev.sab.schedulers.Task;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.TaskLedger;
import dev.sab.workloads.Verification;
import dev.sab.workloads.Workload;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import dev.sab.workloads.WorkloadProvider;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * A test workload whose every task holds {@code size} bytes for {@code hold}: it fills a buffer
 * with a pattern, waits, and checks the pattern is intact before letting go. {@code where=heap}
 * holds a byte array, {@code where=direct} a direct buffer (native memory, outside the heap).
 * Registered through ServiceLoader from the test class path, so forked trial JVMs can make it too.
 */
public final class HoldingWorkload implements Workload {
    public static final WorkloadInfo INFO = new WorkloadInfo("hold", "test only: each task holds `size` bytes for `hold`",
            WorkloadKind.IO, List.of(
            ParamInfo.size("size", "1MiB", 1, 64L << 20, "bytes each task holds"),
            ParamInfo.duration("hold", "500ms", Duration.ZERO, Duration.ofMinutes(1), "how long each task holds them"),
            ParamInfo.choice("where", "heap", List.of("heap", "direct"), "a byte array on the heap or a direct buffer"),
            ParamInfo.duration("stagger", "0ms", Duration.ZERO, Duration.ofSeconds(1), "task i holds for hold + i × stagger"),
            ParamInfo.choice("verdict", "honest", List.of("honest", "fail"), "fail: verify reports a failure whatever happened")));

    /** Makes the workload. */
    public static final class Provider implements WorkloadProvider {
        @Override
        public WorkloadInfo info() {
            return INFO;
        }

        @Override
        public Workload create(Params params) {
            return new HoldingWorkload(params);
        }
    }

    private final Params params;
    private final int size;
    private final Duration hold;
    private final boolean direct;
    private final Duration stagger;
    private final boolean fail;
    private TaskLedger ledger;

    HoldingWorkload(Params params) {
        this.params = params;
        this.size = (int) params.bytes("size");
        this.hold = params.duration("hold");
        this.direct = params.choice("where").equals("direct");
        this.stagger = params.duration("stagger");
        this.fail = params.choice("verdict").equals("fail");
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
            byte pattern = (byte) (index * 31 + 7);
            ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.wrap(new byte[size]);
            for (int i = 0; i < size; i++) {
                buffer.put(i, pattern);
            }
            ctx.sleep(hold.plus(stagger.multipliedBy(index)));
            for (int i = 0; i < size; i += 4096) {
                if (buffer.get(i) != pattern) {
                    throw new IllegalStateException("task " + index + " found its memory changed at byte " + i);
                }
            }
            ledger.finished(index);
        };
    }

    @Override
    public Verification verify() {
        if (fail) {
            return Verification.failed("told to fail (verdict=fail)", java.util.Map.of());
        }
        return ledger.verify();
    }
}
