package dev.sab.harness;

import java.util.Map;

/**
 * Everything one trial needs, and all a forked trial process is told.
 *
 * @param scheduler     the scheduler spec
 * @param workload      the workload's name
 * @param params        workload parameters as given with {@code -p}
 * @param tasks         tasks in the measured iteration (and in each warm-up iteration)
 * @param arrival       how tasks arrive ({@link Arrival#spec()})
 * @param warmup        unrecorded iterations before the measured one, on the same scheduler in the same JVM
 * @param timeoutMillis how long the whole trial (warm-up included) may take before it counts as failed
 * @param seed          for workloads that use randomness, and for Poisson arrivals
 */
public record TrialSpec(String scheduler, String workload, Map<String, String> params, int tasks, String arrival,
                        int warmup, long timeoutMillis, long seed) {
    public TrialSpec {
        params = Map.copyOf(params);
    }

    /** The arrival mode, parsed. */
    public Arrival arrivalMode() {
        return Arrival.parse(arrival);
    }
}
