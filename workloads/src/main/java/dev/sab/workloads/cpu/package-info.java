/**
 * The kernels of the {@code cpu} workload. Each returns a checksum of its result that the harness
 * thread checks against a reference computed at setup from a small set of distinct inputs (so the
 * reference costs a few runs of the kernel, not one per task).
 *
 * <p>Every kernel passes a safe point every few microseconds of work ({@code spin} inside
 * {@code Ctx.cpu}, the others through {@code Ctx.safePoint()}), where gmp's sysmon can preempt a
 * running task, as Go 1.14+ preempts a tight loop; schedulers that do not model preemption make
 * it a no-op. {@code sort} is a merge sort over short runs for that reason: one
 * {@code Arrays.sort} of the whole array would be milliseconds without a safe point.
 */
package dev.sab.workloads.cpu;
