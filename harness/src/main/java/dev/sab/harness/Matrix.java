package dev.sab.harness;

import dev.sab.schedulers.Durations;
import dev.sab.schedulers.SchedulerInfo;
import dev.sab.schedulers.SchedulerSpec;
import dev.sab.schedulers.Schedulers;
import dev.sab.workloads.ParamInfo;
import dev.sab.workloads.WorkloadInfo;
import dev.sab.workloads.Workloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Expands an {@link Experiment} into its cells, in a fixed order: for each scheduler, each
 * workload, each combination of its parameter values (the cross product, keys in the order
 * given), each task count, each arrival mode; pairs of scheduler and workload the experiment
 * excludes are left out. The order is the contract {@code --shard} and {@code sab merge} rely on:
 * the same experiment always expands to the same numbered cells.
 *
 * <p>Every check throws {@link IllegalArgumentException} with a one-line message naming the bad
 * value and what is valid; {@link ExperimentFile} adds the file and line.
 */
public final class Matrix {
    private static final Pattern HEAP = Pattern.compile("\\d+[kmgt]?", Pattern.CASE_INSENSITIVE);

    private Matrix() {
    }

    /** The cells of {@code e}, numbered from 0. */
    public static List<Cell> expand(Experiment e) {
        List<String> schedulers = schedulers(e.schedulers());
        List<String> workloads = workloads(e.workloads());
        Map<String, List<String>> params = e.params() == null ? Map.of() : e.params();
        params.forEach((key, values) -> checkParam(key, values, workloads));
        List<Integer> tasks = e.tasks() == null || e.tasks().isEmpty() ? List.of(Experiment.DEFAULT_TASKS) : e.tasks();
        tasks.forEach(t -> positive("tasks", t));
        positive("trials", e.trialsOrDefault());
        if (e.warmupOrDefault() < 0) {
            throw new IllegalArgumentException("bad value " + e.warmup() + " for warmup: expected a whole number ≥ 0");
        }
        timeout(e.timeoutOrDefault());
        if (e.heap() != null) {
            heap(e.heap());
        }
        List<Arrival> arrivals = arrivals(e);

        List<Cell> cells = new ArrayList<>();
        List<Experiment.Exclusion> exclude = e.exclude() == null ? List.of() : e.exclude();
        for (String scheduler : schedulers) {
            for (String workload : workloads) {
                if (exclude.stream().anyMatch(x -> x.matches(scheduler, workload))) {
                    continue;
                }
                List<Arrival> workloadArrivals = arrivalsFor(workload, arrivals);
                for (Map<String, String> combination : combinations(workload, params)) {
                    for (int n : tasks) {
                        for (Arrival arrival : workloadArrivals) {
                            cells.add(new Cell(cells.size(), scheduler, workload, combination, n, arrival));
                        }
                    }
                }
            }
        }
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("the exclusions leave no cell to run");
        }
        return cells;
    }

    /**
     * {@code arrivals} as they apply to {@code workload}: a workload driven by a load generator
     * outside the JVM (http) has no spawns to move into a task, so its bursts stay bursts from
     * outside whatever the spawner, and its cells say so.
     */
    private static List<Arrival> arrivalsFor(String workload, List<Arrival> arrivals) {
        if (arrivals.stream().noneMatch(a -> a instanceof Arrival.Burst b && b.fromTask())
                || Workloads.create(workload, Map.of()).externalLoad().isEmpty()) {
            return arrivals;
        }
        return arrivals.stream().map(a -> a instanceof Arrival.Burst ? (Arrival) new Arrival.Burst(false) : a).distinct().toList();
    }

    /** Every spec in {@code values} (one value may hold several), validated; every scheduler when empty. */
    public static List<String> schedulers(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null || values.isEmpty()) {
            Schedulers.available().stream().map(SchedulerInfo::name).forEach(out::add);
            return out;
        }
        for (String value : values) {
            out.addAll(schedulerSpecs(value));
        }
        return out;
    }

    /** The specs in one value ({@code gmp:procs=1,virtual} is two), validated. */
    public static List<String> schedulerSpecs(String value) {
        List<String> out = new ArrayList<>();
        for (SchedulerSpec parsed : SchedulerSpec.parseList(value)) {
            Schedulers.validate(parsed.toString());
            out.add(parsed.toString());
        }
        return out;
    }

    /** The named workloads, validated and without repeats; every workload when empty. */
    public static List<String> workloads(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Workloads.available().stream().map(WorkloadInfo::name).toList();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            String name = value.trim();
            if (!name.isEmpty()) {
                Workloads.info(name);
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no workload named; valid: "
                    + String.join(", ", Workloads.available().stream().map(WorkloadInfo::name).toList()));
        }
        return List.copyOf(names);
    }

    /**
     * Checks that some workload of {@code workloads} takes {@code key} ({@code name} or
     * {@code workload.name}) and that every value is valid for each that does.
     */
    public static void checkParam(String key, List<String> values, List<String> workloads) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value for parameter '" + key + "'");
        }
        boolean taken = false;
        for (String workload : workloads) {
            String local = localKey(key, workload);
            if (local == null) {
                continue;
            }
            taken = true;
            for (String value : values) {
                Workloads.params(Workloads.info(workload), Map.of(local, value));
            }
        }
        if (!taken) {
            Set<String> valid = new TreeSet<>();
            workloads.forEach(w -> Workloads.info(w).params().forEach(p -> valid.add(p.name())));
            throw new IllegalArgumentException("unknown parameter '" + key + "' for workload" + (workloads.size() > 1 ? "s " : " ")
                    + String.join(", ", workloads) + "; valid: " + (valid.isEmpty() ? "none" : String.join(", ", valid)));
        }
    }

    /**
     * The arrival modes of {@code e}: one per concurrency or rate, or a burst per spawner: by the
     * driving thread, or ({@code task}) by one task on the scheduler.
     */
    public static List<Arrival> arrivals(Experiment e) {
        boolean poisson = false;
        if (e.arrival() != null) {
            switch (e.arrival().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "poisson" -> poisson = true;
                case "constant" -> poisson = false;
                default -> throw new IllegalArgumentException("bad value '" + e.arrival() + "' for arrival: expected constant or poisson");
            }
        }
        boolean closed = e.concurrency() != null && !e.concurrency().isEmpty();
        boolean open = e.rate() != null && !e.rate().isEmpty();
        if (closed && open) {
            throw new IllegalArgumentException("concurrency and rate exclude each other: a closed loop keeps a number of tasks "
                    + "in flight, an open loop starts them at a rate; give one");
        }
        if (poisson && !open) {
            throw new IllegalArgumentException("arrival poisson needs a rate (open loop), such as --rate 1000/s");
        }
        List<Boolean> fromTask = new ArrayList<>();
        for (String spawner : e.spawner() == null || e.spawner().isEmpty() ? List.of("thread") : e.spawner()) {
            boolean task = switch (spawner.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "task" -> true;
                case "thread" -> false;
                default -> throw new IllegalArgumentException("bad value '" + spawner + "' for spawner: expected thread or task");
            };
            if (task && (closed || open)) {
                throw new IllegalArgumentException("spawner task needs a burst (no concurrency, no rate): a closed or open loop "
                        + "waits between spawns, which inside a task would hold up its scheduler's thread (an event loop's only one)");
            }
            if (!fromTask.contains(task)) {
                fromTask.add(task);
            }
        }
        List<Arrival> out = new ArrayList<>();
        if (closed) {
            e.concurrency().forEach(c -> out.add(new Arrival.Closed(positive("concurrency", c))));
        } else if (open) {
            for (String r : e.rate()) {
                out.add(new Arrival.Open(Arrival.Rates.parse(r), poisson));
            }
        } else {
            fromTask.forEach(task -> out.add(new Arrival.Burst(task)));
        }
        return out;
    }

    /** A trial timeout above zero. */
    public static Duration timeout(String text) {
        try {
            Duration d = Durations.parse(text);
            if (!d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("bad value '" + text + "' for timeout: expected a duration above zero such as 90s or 5m");
    }

    /** A heap size as -Xmx takes it. */
    public static String heap(String text) {
        String t = text.trim();
        if (!HEAP.matcher(t).matches() || t.replaceAll("\\D", "").chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("bad value '" + text + "' for heap: expected a size above zero such as 512m or 4g");
        }
        return t;
    }

    static int positive(String what, Integer value) {
        if (value == null || value < 1) {
            throw new IllegalArgumentException("bad value " + value + " for " + what + ": expected a whole number ≥ 1");
        }
        return value;
    }

    /** The parameter name {@code key} stands for in {@code workload}, or null when it does not apply to it. */
    private static String localKey(String key, String workload) {
        String k = key.trim();
        int dot = k.indexOf('.');
        String local = k;
        if (dot > 0) {
            if (!k.substring(0, dot).equals(workload)) {
                return null;
            }
            local = k.substring(dot + 1);
        }
        String name = local;
        return Workloads.info(workload).params().stream().map(ParamInfo::name).anyMatch(name::equals) ? name : null;
    }

    /** Every combination of the values that apply to {@code workload}; {@code workload.key} wins over {@code key}. */
    private static List<Map<String, String>> combinations(String workload, Map<String, List<String>> params) {
        Map<String, List<String>> applicable = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            String local = localKey(key, workload);
            if (local != null && (key.contains(".") || !applicable.containsKey(local))) {
                applicable.put(local, values);
            }
        });
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> dim : applicable.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : dim.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(dim.getKey(), value.trim());
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
