package dev.sab.harness;

import java.util.Map;

/**
 * One cell of a run's matrix: a scheduler, a workload and the parameters given for it.
 *
 * @param scheduler the scheduler spec
 * @param workload  the workload's name
 * @param params    the {@code -p} values this workload takes (defaults are filled in later)
 */
public record Cell(String scheduler, String workload, Map<String, String> params) {
    public Cell {
        params = Map.copyOf(params);
    }

    @Override
    public String toString() {
        return scheduler + " × " + workload + (params.isEmpty() ? "" : " " + params);
    }
}
