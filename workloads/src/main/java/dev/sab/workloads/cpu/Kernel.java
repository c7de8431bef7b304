package dev.sab.workloads.cpu;

import dev.sab.schedulers.Ctx;

/**
 * A CPU kernel of the {@code cpu} workload: a computation task {@code index} runs, returning a
 * checksum of its result, and the reference checksum the harness thread computes to check it.
 *
 * <p>Every kernel passes a safe point every few microseconds of work: {@code spin} inside
 * {@link Ctx#cpu}, the others by calling {@link Ctx#safePoint()} between steps of their loops. A
 * scheduler with cooperative preemption (gmp's sysmon) stops a long kernel there, as Go 1.14+
 * stops a tight loop with a signal; on schedulers that do not model preemption the call is a
 * no-op. The references computed on the harness thread pass {@link dev.sab.schedulers.SafePoint#NONE}.
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
