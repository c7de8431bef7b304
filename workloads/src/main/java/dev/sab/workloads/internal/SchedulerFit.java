package dev.sab.workloads.internal;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.Schedulers;

/**
 * Whether a workload's shape fits a scheduler. Workloads whose tasks wait for one another (a server
 * and its clients, a parent joining its children, a ping waiting for its pong) deadlock on a
 * scheduler where every waiting task holds one of a fixed number of threads: the waiters hold every
 * thread and the tasks they wait for sit in the queue. That is the classic thread-pool starvation
 * deadlock; such workloads refuse those schedulers at setup with a message that says so, rather
 * than hanging until the trial's timeout.
 */
public final class SchedulerFit {
    private SchedulerFit() {
    }

    /**
     * Throws unless waiting tasks on {@code scheduler} give their thread away.
     *
     * @param why what in the workload waits on what, for the message
     * @throws IllegalStateException naming the workload, the scheduler and what to use instead
     */
    public static void requireWaitsWithoutThreads(String workload, Scheduler scheduler, String why) {
        boolean holds;
        try {
            holds = Schedulers.provider(scheduler.name()).waitsHoldThreads();
        } catch (IllegalArgumentException unknown) {
            return; // a scheduler made outside the registry (a test double): let it run
        }
        if (holds) {
            throw new IllegalStateException("workload '" + workload + "' does not run on scheduler '" + scheduler.name()
                    + "': " + why + ", and on " + scheduler.name() + " each waiting task holds one of its fixed threads, so the"
                    + " waiters would take every thread and the tasks they wait for would never run (thread-pool starvation"
                    + " deadlock); use a scheduler whose waiting tasks give their thread away, such as virtual or platform");
        }
    }
}
