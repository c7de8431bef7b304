package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

/**
 * A CPU kernel of the {@code cpu} workload: a computation task {@code index} runs, returning a
 * checksum of its result, and the reference checksum the harness thread computes to check it.
 *
 * <p>Kernels other than {@code spin} are plain Java between {@link Ctx} calls: they pass no safe
 * point, so a scheduler with cooperative preemption (gmp's sysmon, honoured at {@code Ctx.cpu}'s
 * safe points) cannot preempt them mid-kernel. That models Go before 1.14, whose tight loops could
 * not be preempted; Go 1.14+ preempts them asynchronously with a signal, which {@code Ctx} has no
 * hook for. {@code spin} ({@code Ctx.cpu}) is the kernel to use when preemption matters.
 *
 * <p>{@link #run} is called from any task thread, concurrently; {@link #expected} from the harness
 * thread after {@link #prepare}. Implementations keep no per-task state.
 */
public interface Kernel {

    /** Computes what the reference checksums need, once, on the harness thread before any task. */
    default void prepare(int tasks) {
    }

    /** Runs task {@code index}'s share of the kernel and returns its checksum. */
    long run(Ctx ctx, int index) throws Exception;

    /** The checksum task {@code index} must return. */
    long expected(int index);
}
