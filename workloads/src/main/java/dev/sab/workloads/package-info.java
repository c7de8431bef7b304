/**
 * The Workload SPI: what a workload is to the harness, and what it promises.
 *
 * <h2>Concepts</h2>
 * <ul>
 * <li>{@link dev.sab.workloads.Workload}: one trial's worth of a workload with its parameters bound.
 *     The harness calls {@code setup(env)}, then {@code task(i)} for every index and spawns each on
 *     the scheduler under test, then {@code verify()}, then {@code teardown()}.</li>
 * <li>{@link dev.sab.workloads.WorkloadInfo} and {@link dev.sab.workloads.ParamInfo}: name, kind,
 *     and typed parameters with defaults, units and ranges; {@link dev.sab.workloads.Workloads}
 *     validates {@code -p key=value} against them (and runs each workload's cross-checks, such as
 *     fanout's width^depth bound) before anything runs, with messages naming the parameter, the
 *     value and what is valid.</li>
 * <li>{@link dev.sab.workloads.TaskLedger} and {@link dev.sab.workloads.Verification}: every
 *     workload checks its own result, so that a fast but wrong scheduler cannot win. The ledger
 *     makes a task that never ran, or ran twice, fail verification even when its handle claims
 *     success; each workload adds its own exact checks (counter totals, checksums, every byte
 *     echoed, every request answered).</li>
 * <li>Tags ({@link dev.sab.workloads.Workload#tag}): a task's latency also goes into a histogram
 *     of its tag ({@code light}, {@code heavy}, a route), reported as {@code tags.<tag>}.</li>
 * <li>{@link dev.sab.workloads.ExternalLoad}: a workload that is a server ({@code http}) is not
 *     driven by spawning tasks; the harness runs {@code sab load} against it in a separate JVM and
 *     hands the generator's report back for verification. See {@code dev.sab.workloads.load}.</li>
 * </ul>
 *
 * <h2>Invariants a workload keeps</h2>
 * <ol>
 * <li>Written once against {@link dev.sab.schedulers.Ctx}: no workload knows which scheduler runs
 *     it. The only exception is {@code SchedulerFit}: workloads whose tasks wait for one another
 *     (echo, http, fanout, pingpong) refuse, at setup, schedulers where every waiting task holds one
 *     of a fixed number of threads ({@code platform-pool}), which would deadlock them; the message
 *     says why instead of hanging until the trial's timeout.</li>
 * <li>Tasks are independent: task {@code i} may start at any moment, in any order relative to the
 *     others (all at once, a few in flight, at a rate), so no task waits for another index. A pair
 *     (pingpong) or a tree (fanout) is one task that spawns its partners.</li>
 * <li>Verification reads only the workload's own records, after every task ended; it never trusts
 *     the scheduler's handles or counters.</li>
 * <li>Shared state is made in {@code setup}, on the harness thread, and published to tasks by the
 *     scheduler's spawn (a happens-before edge every scheduler provides); per-task results go into
 *     atomic arrays and adders, read by {@code verify} after the harness joined every task.</li>
 * </ol>
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 * <li>Verifying through the scheduler's metrics ({@code tasksCompleted}): a scheduler that drops a
 *     task may count it; only the workload's ledger is independent of the scheduler.</li>
 * <li>Clients of the {@code http} server as tasks of the same scheduler: the clients would compete
 *     with the server for the scheduler they are measuring (an event loop serving its own load
 *     generator measures itself twice). Hence a separate JVM; {@code echo}, which is about a
 *     scheduler's I/O on both ends, keeps both ends in process.</li>
 * </ul>
 */
package dev.sab.workloads;
