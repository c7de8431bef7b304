package dev.sab.workloads.catalog;

import dev.sab.core.Atomics;
import dev.sab.core.BigInt64Array;
import dev.sab.core.Int32Array;
import dev.sab.core.Lock;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.schedulers.Task;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code counters}: tasks increment shared counters in a SharedArrayBuffer, task i the counter
 * i mod {@code counters}, {@code increments} times, in one of these {@code mode}s:
 * <ul>
 * <li>{@code atomic}: {@code Atomics.add}, one indivisible read-modify-write;</li>
 * <li>{@code cas}: a {@code compareExchange} loop, retried when another agent got in between
 *     (the retries are in the metrics);</li>
 * <li>{@code lock}: a plain {@code get} and {@code set} inside sab-core's {@link Lock} (one per
 *     counter, in a shared Int32Array of its own): {@code lock()} where the task's agent may
 *     block, {@code await lockAsync()} where it may not;</li>
 * <li>{@code racy}: a plain {@code get} and {@code set}, which lose updates when two agents
 *     interleave; where all tasks share one thread (an event loop) they cannot interleave and
 *     lose none.</li>
 * </ul>
 * Verification: each counter ends at exactly its tasks × increments, except in racy mode, where
 * the shortfall is reported as {@code lostUpdates} and is not a failure.
 */
public final class CountersWorkload extends AbstractWorkload {
    public static final WorkloadInfo INFO = new WorkloadInfo("counters",
            "tasks increment SharedArrayBuffer counters by `mode`: atomic, cas, lock or racy; reports lostUpdates", WorkloadKind.SYNC,
            List.of(ParamInfo.choice("mode", "atomic", List.of("atomic", "cas", "lock", "racy"),
                            "atomic: Atomics.add; cas: compareExchange loop; lock: sab-core Lock; racy: plain get and set"),
                    ParamInfo.integer("increments", 1000, 0, 1_000_000_000L, "increments", "increments per task"),
                    ParamInfo.integer("counters", 1, 1, 1_000_000, "counters", "counters shared by the tasks; task i uses i mod counters")));

    private final String mode;
    private final int increments;
    private final int counterCount;
    private BigInt64Array counters;
    private Lock[] locks;
    private final LongAdder casRetries = new LongAdder();

    public CountersWorkload(Params params) {
        super(INFO, params);
        this.mode = params.choice("mode");
        this.increments = params.intValue("increments");
        this.counterCount = params.intValue("counters");
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        counters = new BigInt64Array(new SharedArrayBuffer(counterCount * BigInt64Array.BYTES_PER_ELEMENT));
        if (mode.equals("lock")) {
            Int32Array words = new Int32Array(new SharedArrayBuffer(counterCount * Lock.INTS * Integer.BYTES));
            locks = new Lock[counterCount];
            for (int c = 0; c < counterCount; c++) {
                locks[c] = new Lock(words, c * Lock.INTS);
            }
        }
    }

    @Override
    public Task task(int index) {
        int c = index % counterCount;
        return switch (mode) {
            case "atomic" -> ctx -> {
                for (int k = 0; k < increments; k++) {
                    Atomics.add(counters, c, 1);
                }
                ledger.finished(index);
            };
            case "cas" -> ctx -> {
                long retries = 0;
                for (int k = 0; k < increments; k++) {
                    long seen = Atomics.load(counters, c);
                    long witnessed;
                    while ((witnessed = Atomics.compareExchange(counters, c, seen, seen + 1)) != seen) {
                        seen = witnessed;
                        retries++;
                    }
                }
                casRetries.add(retries);
                ledger.finished(index);
            };
            case "lock" -> ctx -> {
                Lock lock = locks[c];
                boolean mayBlock = ctx.agent().canBlock();
                for (int k = 0; k < increments; k++) {
                    if (mayBlock) {
                        lock.lock();
                    } else {
                        ctx.await(lock.lockAsync());
                    }
                    try {
                        counters.set(c, counters.get(c) + 1);
                    } finally {
                        lock.unlock();
                    }
                }
                ledger.finished(index);
            };
            case "racy" -> ctx -> {
                for (int k = 0; k < increments; k++) {
                    counters.set(c, counters.get(c) + 1);
                }
                ledger.finished(index);
            };
            default -> throw new IllegalStateException("mode " + mode + " passed validation but has no task");
        };
    }

    @Override
    protected Verification check() {
        int tasks = env.tasks();
        long lost = 0;
        long total = 0;
        int wrongCounter = -1;
        for (int c = 0; c < counterCount; c++) {
            long users = tasks / counterCount + (c < tasks % counterCount ? 1 : 0);
            long expected = users * increments;
            long actual = Atomics.load(counters, c);
            total += actual;
            if (actual != expected && wrongCounter < 0) {
                wrongCounter = c;
            }
            lost += expected - actual;
        }
        long expectedTotal = (long) tasks * increments;
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("expectedTotal", expectedTotal);
        metrics.put("actualTotal", total);
        metrics.put("lostUpdates", lost);
        if (mode.equals("cas")) {
            metrics.put("casRetries", casRetries.sum());
        }
        if (wrongCounter >= 0 && !mode.equals("racy")) {
            return Verification.failed("mode " + mode + " lost " + lost + " of " + expectedTotal + " updates (first wrong: counter "
                    + wrongCounter + "); only racy mode may lose updates", metrics);
        }
        if (total > expectedTotal) {
            return Verification.failed("the counters hold " + total + ", more than the " + expectedTotal + " increments made", metrics);
        }
        return Verification.passed(metrics);
    }
}
