package dev.sab.schedulers;

/**
 * A hook {@link CpuKernel} calls about once per unit of CPU work: the place where a scheduler with
 * cooperative preemption (gmp's sysmon) makes a long-running task give way.
 */
@FunctionalInterface
public interface SafePoint {

    /** A safe point that never preempts: the task runs until its work is done (or the OS preempts its thread). */
    SafePoint NONE = () -> { };

    /** Called on the task's own thread between units of work. */
    void poll();
}
