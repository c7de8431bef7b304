package dev.sab.workloads;

/** What a workload mostly does, for grouping in reports. */
public enum WorkloadKind {
    /** Waits: timers, sockets, files. */
    IO,
    /** Burns CPU. */
    CPU,
    /** Both, in one task or across tasks. */
    MIXED,
    /** Synchronises through shared memory. */
    SYNC;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
