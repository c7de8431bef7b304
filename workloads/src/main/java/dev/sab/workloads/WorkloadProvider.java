package dev.sab.workloads;

/**
 * Makes one kind of workload. sab's own workloads are listed in {@link Workloads}; others are found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.sab.workloads.WorkloadProvider}
 * on the class path, or {@code provides} in a module), so a test class path can contribute a
 * workload that forked trial JVMs, which share the class path, can also make.
 */
public interface WorkloadProvider {

    /** The workload's name, description, kind and parameters. */
    WorkloadInfo info();

    /** A fresh workload for one trial; {@code params} are validated against {@link #info()}. */
    Workload create(Params params);
}
