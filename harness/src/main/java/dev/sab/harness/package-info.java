/**
 * The harness: it runs a matrix of cells (scheduler × workload × parameters × tasks × arrival), a
 * number of trials each, and records what happened in the result model of {@code dev.sab.reports}.
 *
 * <h2>Anatomy of a trial</h2>
 * <ol>
 *   <li>{@link dev.sab.harness.Runner} starts a fresh JVM per trial ({@code --fork}, the default):
 *       the same JDK, sab's flags, the scheduler's own flags (a JDK scheduler's parallelism is a
 *       system property, fixed at start-up), {@code --heap} and {@code --jvm-arg}s, and the
 *       parent's CPU-unit calibration, so one unit is the same work in every trial of a run.</li>
 *   <li>In that JVM, {@link dev.sab.harness.TrialRunner} builds one scheduler and runs
 *       {@code --warmup} unrecorded iterations of the workload on it, then one measured iteration.
 *       Each iteration is a fresh workload, set up, driven, verified and torn down.</li>
 *   <li>The parent watches the child's memory from outside, through a small shared memory-mapped
 *       file: a phase word and the count of tasks alive (see {@code TrialChannel}).</li>
 *   <li>The child writes its result as JSON; the parent adds the memory it measured, and records a
 *       failed trial for every way a child can fail (crash, kill, non-zero exit, no result,
 *       timeout, failed verification). The run goes on; its exit code is 1.</li>
 * </ol>
 *
 * <h2>Why warm-up iterations and not warm-up trials</h2>
 * The issue describing the harness speaks of W warm-up <em>trials</em> then T measured ones. A
 * warm-up trial in a JVM of its own warms nothing that the next JVM measures: not its JIT, not its
 * heap sizing, not its class loading; only the operating system's caches. So sab does what JMH does
 * with its warm-up iterations: {@code --warmup W} runs W unrecorded iterations inside each
 * measured trial's own JVM, on the scheduler about to be measured, and only then the measured
 * iteration. {@code --trials T} is the number of such JVMs per cell, and the summary is the median
 * over them, so the spread between JVMs (JIT decisions, memory layout) shows instead of being
 * averaged into one long run. With {@code --no-fork} the same happens in this JVM, each trial on a
 * fresh scheduler.
 *
 * <h2>What a trial measures</h2>
 * <ul>
 *   <li>Latency of every task into HdrHistograms (ns, 3 significant digits), overall and per tag:
 *       from the spawn in burst and closed-loop runs, from the intended start in open-loop runs
 *       (free of coordinated omission, as wrk2 measures); start delay (spawn to first instruction);
 *       see {@link dev.sab.harness.Arrival}.</li>
 *   <li>A responsiveness probe on every scheduler: a tiny task spawned every 10 ms on a fixed
 *       schedule, its lateness in a histogram of its own, the scheduler-neutral form of Node's
 *       {@code monitorEventLoopDelay}.</li>
 *   <li>Throughput, wall time, process CPU time and cores used, GC count and time, peak threads,
 *       voluntary and involuntary context switches (getrusage, all threads).</li>
 *   <li>Memory per task: resident memory from outside in the first iteration, heap after a full GC
 *       at the peak from inside in the last warm-up iteration; {@link dev.sab.harness.TrialRunner}
 *       says why those iterations.</li>
 *   <li>The scheduler's own metrics (counters as their change over the measured iteration), the
 *       CPU unit's calibration, the settings in force, and the environment of the run.</li>
 * </ul>
 *
 * <h2>Experiments</h2>
 * An {@link dev.sab.harness.Experiment} is written in a file ({@link dev.sab.harness.ExperimentFile})
 * or on the command line; {@link dev.sab.harness.Matrix} expands it in a fixed order, which is what
 * {@link dev.sab.harness.Shard} slices and {@code sab merge} joins back: a sweep can be spread over
 * any number of machines by any batch system.
 *
 * <h2>Where a new kind of load fits</h2>
 * A workload whose load comes from another process (a load generator sending requests to a
 * server the workload runs on the scheduler) brings its own {@code IterationDriver}; everything
 * around the iteration stays the trial runner's.
 */
package dev.sab.harness;
