package dev.sab.workloads.catalog;

import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import dev.sab.workloads.cpu.Kernel;
import dev.sab.workloads.cpu.Kernels;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code cpu}: each task runs a CPU kernel chosen by {@code kernel}: {@code spin} burns
 * {@code units} of calibrated work (one unit ≈ 1 µs, with safe points), {@code hash} runs a SHA-256
 * chain of {@code rounds}, {@code mandelbrot} computes {@code rows} rows of a fixed frame,
 * {@code sort} sorts {@code length} random ints, {@code fib} computes fib({@code n}) recursively.
 * Every kernel but spin returns a checksum that must equal the reference the harness thread computed.
 */
public final class CpuWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("cpu", "each task runs a CPU kernel (`kernel`), checksummed",
            WorkloadKind.CPU,
            List.of(ParamInfo.choice("kernel", "spin", Kernels.NAMES,
                            "spin: calibrated units with safe points; hash: SHA-256 chain; mandelbrot: frame rows; sort; fib"),
                    ParamInfo.integer("units", 1000, 0, 1_000_000_000L, "units of ~1 µs", "CPU work per task (kernel=spin)"),
                    ParamInfo.integer("rounds", 1000, 1, 100_000_000L, "rounds", "SHA-256 rounds per task (kernel=hash)"),
                    ParamInfo.integer("rows", 8, 1, 1_000_000L, "rows", "rows of the 512×512 frame per task (kernel=mandelbrot)"),
                    ParamInfo.integer("length", 10_000, 1, 100_000_000L, "ints", "array length per task (kernel=sort)"),
                    ParamInfo.integer("n", 25, 0, 50, "", "fib(n) computed recursively per task (kernel=fib)")));

    private Kernel kernel;
    private AtomicLongArray checksums;

    public CpuWorkload(Params params) {
        super(INFO, params);
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        kernel = Kernels.create(params, env.seed());
        kernel.prepare(env.tasks());
        checksums = new AtomicLongArray(env.tasks());
    }

    @Override
    public Task task(int index) {
        return ctx -> {
            checksums.set(index, kernel.run(ctx, index)); // volatile write: read by check() after the harness joined the task
            ledger.finished(index);
        };
    }

    @Override
    protected Verification check() {
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < checksums.length(); i++) {
            if (checksums.get(i) != kernel.expected(i)) {
                if (wrong++ == 0) {
                    first = i;
                }
            }
        }
        Map<String, Number> metrics = Map.of("checksumsVerified", checksums.length() - wrong);
        if (wrong > 0) {
            return Verification.failed(wrong + " of " + checksums.length() + " tasks returned a wrong " + params.choice("kernel")
                    + " checksum (first: task " + first + ", " + checksums.get(first) + " instead of " + kernel.expected(first) + ")",
                    metrics);
        }
        return Verification.passed(metrics);
    }
}
