package dev.sab.workloads.catalog;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code fanout}: each task is the root of a tree: every node above the leaves spawns {@code width}
 * children and joins them, down to {@code depth} levels, and each child returns how many leaves it
 * reached. The cost of spawn and join, as Tokio's {@code spawn_many} (depth 1, wide) and
 * {@code chained_spawn} (width 1, deep) benchmarks measure it. Verification: every root counted
 * width^depth leaves.
 */
public final class FanoutWorkload extends AbstractWorkload {
    /** A bound on the leaves of one tree, so a typo cannot ask for 10^20 tasks. */
    static final long MAX_LEAVES = 100_000_000L;

    public static final WorkloadInfo INFO = new WorkloadInfo("fanout",
            "each task spawns `width` children per level to `depth` and joins them (spawn and join cost)", WorkloadKind.CPU,
            List.of(ParamInfo.integer("width", 4, 1, 100_000, "children", "children of every inner node"),
                    ParamInfo.integer("depth", 3, 0, 64, "levels", "levels below the root (width^depth ≤ " + MAX_LEAVES + ")")));

    private final int width;
    private final int depth;
    private final long leavesPerTree;
    private AtomicLongArray leaves;

    public FanoutWorkload(Params params) {
        super(INFO, params);
        this.width = params.intValue("width");
        this.depth = params.intValue("depth");
        long n = 1;
        for (int d = 0; d < depth; d++) {
            n *= width;
            if (n > MAX_LEAVES) {
                throw new IllegalArgumentException("bad values width=" + width + ", depth=" + depth + " for workload 'fanout': "
                        + "width^depth is over " + MAX_LEAVES + " leaves per task; expected a smaller tree");
            }
        }
        this.leavesPerTree = n;
    }

    @Override
    protected void prepare(WorkloadEnv env) {
        if (depth > 0) {
            SchedulerFit.requireWaitsWithoutThreads(info().name(), env.scheduler(), "every inner node joins its children");
        }
        leaves = new AtomicLongArray(env.tasks());
    }

    @Override
    public Task task(int index) {
        return ctx -> {
            leaves.set(index, node(ctx, 0)); // volatile write: read by check() after the harness joined the task
            ledger.finished(index);
        };
    }

    private long node(Ctx ctx, int level) throws InterruptedException {
        if (level == depth) {
            return 1;
        }
        List<TaskHandle<Long>> children = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            children.add(ctx.submit(c -> node(c, level + 1)));
        }
        long sum = 0;
        for (TaskHandle<Long> child : children) {
            sum += child.join();
        }
        return sum;
    }

    @Override
    protected Verification check() {
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < leaves.length(); i++) {
            if (leaves.get(i) != leavesPerTree) {
                if (wrong++ == 0) {
                    first = i;
                }
            }
        }
        long nodes = 0;
        long level = 1;
        for (int d = 0; d < depth; d++) {
            level *= width;
            nodes += level;
        }
        Map<String, Number> metrics = Map.of("childrenSpawned", nodes * leaves.length(), "leavesPerTask", leavesPerTree);
        if (wrong > 0) {
            return Verification.failed(wrong + " of " + leaves.length() + " trees counted the wrong number of leaves (first: task "
                    + first + ", " + leaves.get(first) + " instead of " + leavesPerTree + ")", metrics);
        }
        return Verification.passed(metrics);
    }
}
