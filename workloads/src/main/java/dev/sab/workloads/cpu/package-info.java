/**
 * The kernels of the {@code cpu} workload. Each returns a checksum of its result that the harness
 * thread checks against a reference computed at setup from a small set of distinct inputs (so the
 * reference costs a few runs of the kernel, not one per task).
 *
 * <p>Only {@code spin} ({@code Ctx.cpu}) passes safe points, where gmp's sysmon can preempt a
 * running task, as Go's cooperative preemption could before Go 1.14. The other kernels are plain
 * Java between {@code Ctx} calls and run to their end once started; modern Go would preempt them
 * with a signal, which {@code Ctx} has no hook for. A {@code Ctx.safePoint()} the kernels could
 * call between steps would close that gap; it is not part of the SPI today.
 */
package dev.sab.workloads.cpu;
