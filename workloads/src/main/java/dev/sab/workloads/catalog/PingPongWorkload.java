package dev.sab.workloads.catalog;

import dev.sab.core.Atomics;
import dev.sab.core.Int32Array;
import dev.sab.core.SharedArrayBuffer;
import dev.sab.core.WaitAsyncResult;
import dev.sab.schedulers.Ctx;
import dev.sab.schedulers.Task;
import dev.sab.schedulers.TaskHandle;
import dev.sab.workloads.AbstractWorkload;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.Params;
import dev.sab.workloads.Verification;
import dev.sab.workloads.WorkloadEnv;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.WorkloadKind;
import dev.sab.workloads.internal.SchedulerFit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code pingpong}: each task is a ping that spawns its pong, and the pair bounce a token
 * {@code rounds} times through one Int32 element of a SharedArrayBuffer: ping stores 2r+1 and
 * notifies, pong wakes, stores 2r+2 and notifies, ping wakes. A task that may block waits with
 * {@code Atomics.wait}; on an agent that may not (an event loop's coroutines, as a browser's main
 * thread) it waits with {@code Atomics.waitAsync} and {@link Ctx#await}s the promise. The round-trip
 * time of every round, on the scheduler's clock, is in the workload metrics ({@code roundTrip*}).
 *
 * <p>Each pair's element sits on a cache line of its own ({@value #SLOT_INTS} ints apart), so pairs
 * do not slow each other by false sharing. Verification: every element ends at 2·rounds and every
 * pong finished.
 */
public final class PingPongWorkload extends AbstractWorkload {
    /** Ints between two pairs' elements: a 64-byte cache line, the line size of x86-64 and most ARM cores. */
    static final int SLOT_INTS = 16;

    public static final WorkloadInfo INFO = new WorkloadInfo("pingpong",
            "pairs of tasks bounce a token `rounds` times through Atomics.wait/notify (waitAsync where blocking is not allowed)",
            WorkloadKind.SYNC,
            List.of(ParamInfo.integer("rounds", 100, 1, 100_000_000L, "round trips", "round trips per pair")));

    private final int rounds;
    private Int32Array tokens;
    private final Recorder roundTrips = new Recorder(3);
    private final LongAdder pongs = new LongAdder();
    private final LongAdder asyncWaits = new LongAdder();

    public PingPongWorkload(Params params) {
        super(INFO, params);
        this.rounds = params.intValue("rounds");
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        SchedulerFit.requireWaitsWithoutThreads(info().name(), env.scheduler(), "each ping waits for its pong and each pong for its ping");
        if ((long) env.tasks() * SLOT_INTS * Integer.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("workload 'pingpong' takes at most " + Integer.MAX_VALUE / (SLOT_INTS * Integer.BYTES)
                    + " tasks (one 64-byte slot each in one SharedArrayBuffer); expected a smaller --tasks");
        }
        tokens = new Int32Array(new SharedArrayBuffer(Math.max(1, env.tasks()) * SLOT_INTS * Integer.BYTES));
    }

    @Override
    public Task task(int index) {
        int slot = index * SLOT_INTS;
        return ctx -> {
            TaskHandle<Void> pong = ctx.spawn(c -> pong(c, slot));
            for (int r = 0; r < rounds; r++) {
                long start = ctx.nanoTime();
                Atomics.store(tokens, slot, 2L * r + 1);
                Atomics.notify(tokens, slot);
                awaitChange(ctx, slot, 2 * r + 1);
                roundTrips.recordValue(Math.max(0, ctx.nanoTime() - start));
            }
            pong.join();
            ledger.finished(index);
        };
    }

    private void pong(Ctx ctx, int slot) throws Exception {
        for (int r = 0; r < rounds; r++) {
            awaitChange(ctx, slot, 2 * r);
            Atomics.store(tokens, slot, 2L * r + 2);
            Atomics.notify(tokens, slot);
        }
        pongs.increment();
    }

    /** Waits until element {@code slot} no longer holds {@code seen}, in the way the task's agent allows. */
    private void awaitChange(Ctx ctx, int slot, int seen) throws Exception {
        while (Atomics.load(tokens, slot) == seen) {
            if (ctx.agent().canBlock()) {
                Atomics.wait(tokens, slot, seen);
            } else {
                WaitAsyncResult wait = Atomics.waitAsync(tokens, slot, seen);
                if (wait.async()) {
                    asyncWaits.increment();
                    ctx.await(wait.promise());
                }
            }
        }
    }

    @Override
    protected Verification check() {
        Histogram rtt = roundTrips.getIntervalHistogram();
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("roundTrips", rtt.getTotalCount());
        metrics.put("roundTripP50Ns", rtt.getValueAtPercentile(50));
        metrics.put("roundTripP99Ns", rtt.getValueAtPercentile(99));
        metrics.put("roundTripMaxNs", rtt.getMaxValue());
        metrics.put("asyncWaits", asyncWaits.sum());
        int tasks = env.tasks();
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < tasks; i++) {
            if (Atomics.load(tokens, i * SLOT_INTS) != 2L * rounds) {
                if (wrong++ == 0) {
                    first = i;
                }
            }
        }
        if (wrong > 0) {
            return Verification.failed(wrong + " of " + tasks + " pairs left their token short of " + 2L * rounds + " (first: task "
                    + first + " at " + Atomics.load(tokens, first * SLOT_INTS) + ")", metrics);
        }
        if (pongs.sum() != tasks || rtt.getTotalCount() != (long) tasks * rounds) {
            return Verification.failed(pongs.sum() + " pongs finished and " + rtt.getTotalCount() + " round trips were timed, expected "
                    + tasks + " and " + (long) tasks * rounds, metrics);
        }
        return Verification.passed(metrics);
    }
}
