package dev.sab.workloads;

import dev.sab.workloads.catalog.CountersWorkload;
import dev.sab.workloads.catalog.CpuWorkload;
import dev.sab.workloads.catalog.EchoWorkload;
import dev.sab.workloads.catalog.FanoutWorkload;
import dev.sab.workloads.catalog.FileWorkload;
import dev.sab.workloads.catalog.HeavyLightWorkload;
import dev.sab.workloads.catalog.PingPongWorkload;
import dev.sab.workloads.catalog.SleepWorkload;
import dev.sab.workloads.catalog.StarveWorkload;
import dev.sab.workloads.catalog.YieldWorkload;
import dev.sab.workloads.http.HttpWorkload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue: lists workloads and makes a fresh one, with validated parameters, per trial.
 * sab's own workloads are listed in {@code CATALOGUE}; {@link WorkloadProvider}s found with
 * {@link ServiceLoader} come after them.
 */
public final class Workloads {

    private record Entry(WorkloadInfo info, Function<Params, Workload> factory) {
    }

    private static final List<Entry> CATALOGUE = List.of(
            new Entry(SleepWorkload.INFO, SleepWorkload::new),
            new Entry(EchoWorkload.INFO, EchoWorkload::new),
            new Entry(HttpWorkload.INFO, HttpWorkload::new),
            new Entry(FileWorkload.INFO, FileWorkload::new),
            new Entry(CpuWorkload.INFO, CpuWorkload::new),
            new Entry(HeavyLightWorkload.INFO, HeavyLightWorkload::new),
            new Entry(CountersWorkload.INFO, CountersWorkload::new),
            new Entry(PingPongWorkload.INFO, PingPongWorkload::new),
            new Entry(FanoutWorkload.INFO, FanoutWorkload::new),
            new Entry(YieldWorkload.INFO, YieldWorkload::new),
            new Entry(StarveWorkload.INFO, StarveWorkload::new));

    /** {@code CATALOGUE}, then the discovered workloads. */
    private static final List<Entry> ALL = withDiscovered(CATALOGUE);

    private Workloads() {
    }

    public static List<WorkloadInfo> available() {
        return ALL.stream().map(Entry::info).toList();
    }

    /** The workload named {@code name}, or an error listing the valid names. */
    public static WorkloadInfo info(String name) {
        return entry(name).info();
    }

    /**
     * A fresh workload for one trial.
     *
     * @param params {@code -p} values; a key the workload does not take is an error
     * @throws IllegalArgumentException for an unknown workload or parameter or a bad value, naming
     *                                  it and what is valid
     */
    public static Workload create(String name, Map<String, String> params) {
        Entry e = entry(name);
        return e.factory().apply(params(e.info(), params));
    }

    /**
     * Validates {@code given} against {@code info}, filling in defaults, and checks the values
     * together as the workload does (fanout's width^depth bound), so that every bad input is
     * reported before anything runs.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or a bad value
     */
    public static Params params(WorkloadInfo info, Map<String, String> given) {
        Map<String, ParamInfo> declared = new LinkedHashMap<>();
        info.params().forEach(p -> declared.put(p.name(), p));
        for (String key : given.keySet()) {
            if (!declared.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for workload '" + info.name() + "'; valid: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (ParamInfo p : declared.values()) {
            String raw = given.getOrDefault(p.name(), p.defaultValue());
            values.put(p.name(), p.parse(info.name(), raw));
            written.put(p.name(), raw.trim());
        }
        Params params = new Params(info.name(), values, written);
        entry(info.name()).factory().apply(params); // constructors check parameters against each other; nothing is set up
        return params;
    }

    /**
     * {@code builtIn} followed by every discovered provider whose name is not taken.
     *
     * @throws IllegalStateException when a discovered workload takes the name of another
     */
    private static List<Entry> withDiscovered(List<Entry> builtIn) {
        List<Entry> all = new ArrayList<>(builtIn);
        for (WorkloadProvider found : ServiceLoader.load(WorkloadProvider.class, Workloads.class.getClassLoader())) {
            String name = found.info().name();
            if (all.stream().anyMatch(e -> e.info().name().equals(name))) {
                throw new IllegalStateException("two workloads are named '" + name + "', one of them "
                        + found.getClass().getName());
            }
            all.add(new Entry(found.info(), found::create));
        }
        return List.copyOf(all);
    }

    private static Entry entry(String name) {
        return ALL.stream()
                .filter(e -> e.info().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name + "'; valid: "
                        + ALL.stream().map(e -> e.info().name()).collect(Collectors.joining(", "))));
    }
}
