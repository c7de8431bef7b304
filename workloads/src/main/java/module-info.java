/**
 * The Workload SPI and the catalogue: workloads written once against {@link dev.sab.schedulers.Ctx},
 * each checking its own result; and {@code sab load}, the external load generator that drives the
 * server workloads from another JVM.
 */
module dev.sab.workloads {
    requires transitive dev.sab.schedulers;
    requires transitive dev.sab.core;
    requires transitive HdrHistogram;

    exports dev.sab.workloads;
    exports dev.sab.workloads.load;

    uses dev.sab.workloads.WorkloadProvider;
}
