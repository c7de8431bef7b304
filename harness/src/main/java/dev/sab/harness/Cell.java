package dev.sab.harness;

import java.util.Map;

/**
 * One cell of a run's matrix: a scheduler, a workload, the parameters given for it, the task count
 * and the arrival mode.
 *
 * @param index     the cell's place in the whole matrix, 0-based (shards keep it)
 * @param scheduler the scheduler spec
 * @param workload  the workload's name
 * @param params    the values given for this workload's parameters (defaults are filled in later)
 * @param tasks     tasks per trial
 * @param arrival   how the tasks arrive
 */
public record Cell(int index, String scheduler, String workload, Map<String, String> params, int tasks, Arrival arrival) {
    public Cell {
        params = Map.copyOf(new java.util.TreeMap<>(params));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(scheduler).append(" × ").append(workload);
        params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        s.append(" ×").append(tasks);
        if (!(arrival instanceof Arrival.Burst b) || b.fromTask()) {
            s.append(' ').append(arrival.spec());
        }
        return s.toString();
    }
}
