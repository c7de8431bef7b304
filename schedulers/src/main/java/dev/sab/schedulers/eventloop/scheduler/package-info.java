/**
 * The event loop as a {@link dev.sab.schedulers.Scheduler} (not exported; reached through
 * {@link dev.sab.schedulers.Schedulers#create(String)}).
 *
 * <ul>
 *   <li>{@code eventloop}: one loop on its own thread ({@link
 *       dev.sab.schedulers.eventloop.scheduler.LoopProcess}, one Node process). A task is a
 *       coroutine on the loop; a task submitted from outside arrives through an async handle and
 *       starts in the poll phase, as a request would; a child starts synchronously inside its
 *       parent, as an async call does.</li>
 *   <li>{@code eventloop:workers=N}: the same, with {@code cpu} sent to a WorkerPool of N worker
 *       loops, so the main loop stays free, as a Node service uses Piscina.</li>
 *   <li>{@code eventloop-cluster:loops=N}: N independent loops, each with its own thread pool,
 *       tasks assigned round-robin, a listening socket shared by all (Node's cluster module in its
 *       SCHED_NONE mode).</li>
 * </ul>
 *
 * <p>How each Ctx call maps is in {@link dev.sab.schedulers.eventloop.scheduler.LoopCtx}. A task's
 * handle joined from a coroutine awaits; from any other thread it parks that thread.
 *
 * <p>Metrics: the task counts every scheduler reports, then the loops' counters (iterations,
 * callbacks per phase, ticks, microtasks, idle time, I/O events), loop utilization, loop delay
 * (the lateness of a 10 ms monitorEventLoopDelay timer: p50, p99, max) and thread-pool queue depth.
 *
 * <p>Shutdown: (1) {@code close()} refuses tasks from outside; running tasks may still start
 * children; (2) it waits until no task is in flight; (3) each loop closes its inbox handle, exits
 * as a Node process does when nothing is left, and its thread ends.
 */
package dev.sab.schedulers.eventloop.scheduler;
