package dev.sab.workloads;

import java.util.List;

/**
 * What {@link Workloads#available()} says of one workload.
 *
 * @param name        the name used with {@code -w}
 * @param description one line
 * @param kind        io, cpu, mixed or sync
 * @param params      its parameters with defaults
 */
public record WorkloadInfo(String name, String description, WorkloadKind kind, List<ParamInfo> params) {
    public WorkloadInfo {
        params = List.copyOf(params);
    }
}
