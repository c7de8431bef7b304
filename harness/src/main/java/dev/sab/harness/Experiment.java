package dev.sab.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run: the matrix (schedulers × workloads × parameter values × task counts × arrival
 * modes) and how to measure it. Written in an experiment file ({@link ExperimentFile}) or on the
 * {@code sab run} command line, whose options are named like its fields; a field left null is not
 * set, and {@link #overriddenBy} lets the command line override a file. {@link Matrix} expands it.
 *
 * @param name        a short name, for the output directory and reports
 * @param description what the experiment shows, in a sentence or two
 * @param schedulers  scheduler specs; empty for every scheduler
 * @param workloads   workload names; empty for every workload
 * @param params      parameter values: {@code key} for every workload that takes it, {@code workload.key}
 *                    for one; several values make a dimension of the matrix
 * @param tasks       tasks per trial; several make a dimension
 * @param trials      measured trials per cell
 * @param warmup      unrecorded warm-up iterations in each trial's JVM
 * @param concurrency closed loop: tasks in flight; several make a dimension
 * @param rate        open loop: arrival rates such as {@code 1000/s}; several make a dimension
 * @param arrival     {@code constant} or {@code poisson} spacing of open-loop arrivals
 * @param spawner     who spawns a burst's tasks: {@code thread} (the trial's driving thread, the
 *                    default) or {@code task} (one task on the scheduler; bursts only); both make
 *                    a dimension
 * @param fork        each trial in a fresh JVM
 * @param timeout     the longest one trial may take, such as {@code 5m}
 * @param heap        trial JVMs' maximum heap, such as {@code 2g}
 * @param jvmArgs     extra flags for trial JVMs
 * @param seed        base seed
 * @param out         output directory
 * @param exclude     pairs left out of the cross product: a scheduler (a name matches every spec
 *                    of that name) and a workload; either may be null for "any" (files only)
 */
public record Experiment(String name, String description, List<String> schedulers, List<String> workloads,
                         Map<String, List<String>> params, List<Integer> tasks, Integer trials, Integer warmup,
                         List<Integer> concurrency, List<String> rate, String arrival, List<String> spawner, Boolean fork,
                         String timeout, String heap, List<String> jvmArgs, Long seed, String out, List<Exclusion> exclude) {

    /**
     * Cells to leave out: every cell whose scheduler and workload both match.
     *
     * @param scheduler a scheduler name or spec, or null for any
     * @param workload  a workload name, or null for any
     */
    public record Exclusion(String scheduler, String workload) {
        /** Whether the cell of {@code schedulerSpec} and {@code workloadName} is left out. */
        public boolean matches(String schedulerSpec, String workloadName) {
            boolean s = scheduler == null || scheduler.equals(schedulerSpec)
                    || (!scheduler.contains(":") && schedulerSpec.split(":", 2)[0].equals(scheduler));
            return s && (workload == null || workload.equals(workloadName));
        }
    }

    /** Every field but the exclusions, which only files set. */
    public Experiment(String name, String description, List<String> schedulers, List<String> workloads,
                      Map<String, List<String>> params, List<Integer> tasks, Integer trials, Integer warmup,
                      List<Integer> concurrency, List<String> rate, String arrival, List<String> spawner, Boolean fork,
                      String timeout, String heap, List<String> jvmArgs, Long seed, String out) {
        this(name, description, schedulers, workloads, params, tasks, trials, warmup, concurrency, rate, arrival, spawner, fork,
                timeout, heap, jvmArgs, seed, out, null);
    }

    /** Every field but the spawner and the exclusions. */
    public Experiment(String name, String description, List<String> schedulers, List<String> workloads,
                      Map<String, List<String>> params, List<Integer> tasks, Integer trials, Integer warmup,
                      List<Integer> concurrency, List<String> rate, String arrival, Boolean fork, String timeout,
                      String heap, List<String> jvmArgs, Long seed, String out) {
        this(name, description, schedulers, workloads, params, tasks, trials, warmup, concurrency, rate, arrival, null, fork,
                timeout, heap, jvmArgs, seed, out, null);
    }

    public static final int DEFAULT_TASKS = 1000;
    public static final int DEFAULT_TRIALS = 3;
    public static final int DEFAULT_WARMUP = 1;
    public static final String DEFAULT_TIMEOUT = "5m";
    public static final long DEFAULT_SEED = 42;

    /** An experiment that sets nothing. */
    public static Experiment empty() {
        return new Experiment(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** This experiment with every field that {@code other} sets taken from {@code other}. */
    public Experiment overriddenBy(Experiment other) {
        Map<String, List<String>> mergedParams = params;
        if (other.params != null) {
            mergedParams = new LinkedHashMap<>(params == null ? Map.of() : params);
            for (String key : other.params.keySet()) {
                if (!key.contains(".")) { // an override for every workload replaces the per-workload values too
                    mergedParams.keySet().removeIf(k -> k.endsWith("." + key));
                }
            }
            mergedParams.putAll(other.params);
        }
        List<Integer> conc = other.concurrency != null ? other.concurrency : (other.rate != null ? null : concurrency);
        List<String> rates = other.rate != null ? other.rate : (other.concurrency != null ? null : rate);
        return new Experiment(pick(other.name, name), pick(other.description, description),
                pick(other.schedulers, schedulers), pick(other.workloads, workloads), mergedParams,
                pick(other.tasks, tasks), pick(other.trials, trials), pick(other.warmup, warmup), conc, rates,
                pick(other.arrival, arrival), pick(other.spawner, spawner), pick(other.fork, fork), pick(other.timeout, timeout), pick(other.heap, heap),
                other.jvmArgs != null ? concat(jvmArgs, other.jvmArgs) : jvmArgs, pick(other.seed, seed),
                pick(other.out, out), pick(other.exclude, exclude));
    }

    public int trialsOrDefault() {
        return trials == null ? DEFAULT_TRIALS : trials;
    }

    public int warmupOrDefault() {
        return warmup == null ? DEFAULT_WARMUP : warmup;
    }

    public boolean forkOrDefault() {
        return fork == null || fork;
    }

    public long seedOrDefault() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    public String timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public List<String> jvmArgsOrEmpty() {
        return jvmArgs == null ? List.of() : jvmArgs;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b);
        return all;
    }
}
