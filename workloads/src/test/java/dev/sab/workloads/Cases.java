package dev.sab.workloads;

import dev.sab.schedulers.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Small configurations of every workload in the catalogue, and the schedulers to run them on. */
final class Cases {

    /**
     * One brief run.
     *
     * @param workload the name
     * @param params   small values, so a run takes well under a second
     * @param tasks    task count (requests, for a server)
     */
    record Case(String workload, Map<String, String> params, int tasks) {
        @Override
        public String toString() {
            String variant = params.containsKey("kernel") ? params.get("kernel") : params.get("mode");
            return workload + (variant == null ? "" : ":" + variant);
        }
    }

    /** Workloads whose tasks wait for one another, which refuse schedulers where waits hold threads. */
    static final Set<String> WAIT_FOR_EACH_OTHER = Set.of("echo", "http", "fanout", "pingpong");

    static final List<Case> CASES = List.of(
            new Case("sleep", Map.of("duration", "5ms"), 50),
            new Case("echo", Map.of("rounds", "3", "size", "4KiB"), 20),
            new Case("http", Map.of("rate", "2000", "heavyRatio", "0.05", "heavyUnits", "200", "connections", "4"), 200),
            new Case("file", Map.of("size", "8KiB", "files", "4", "chunk", "2KiB"), 20),
            new Case("cpu", Map.of("kernel", "spin", "units", "100"), 20),
            new Case("cpu", Map.of("kernel", "hash", "rounds", "50"), 20),
            new Case("cpu", Map.of("kernel", "mandelbrot", "rows", "2"), 20),
            new Case("cpu", Map.of("kernel", "sort", "length", "1000"), 20),
            new Case("cpu", Map.of("kernel", "fib", "n", "15"), 20),
            new Case("heavy-light", Map.of("heavyRatio", "0.1", "heavyUnits", "500", "lightUnits", "5"), 50),
            new Case("counters", Map.of("mode", "atomic", "increments", "1000"), 20),
            new Case("counters", Map.of("mode", "cas", "increments", "1000"), 20),
            new Case("counters", Map.of("mode", "lock", "increments", "1000"), 20),
            new Case("counters", Map.of("mode", "racy", "increments", "1000"), 20),
            new Case("pingpong", Map.of("rounds", "50"), 10),
            new Case("fanout", Map.of("width", "3", "depth", "3"), 5),
            new Case("yield", Map.of("times", "20"), 20),
            new Case("starve", Map.of("hogs", "1", "hogUnits", "2000", "period", "1ms"), 20));

    private Cases() {
    }

    /** The default spec of every registered scheduler: new schedulers join by being registered. */
    static Stream<String> schedulers() {
        return Schedulers.providers().stream().map(p -> p.info().name());
    }

    static boolean waitsHoldThreads(String spec) {
        return Schedulers.provider(spec).waitsHoldThreads();
    }
}
