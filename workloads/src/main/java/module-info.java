/**
 * The Workload SPI and the catalogue: workloads written once against {@link dev.sab.schedulers.Ctx},
 * each checking its own result.
 */
module dev.sab.workloads {
    requires transitive dev.sab.schedulers;
    requires transitive dev.sab.core;

    exports dev.sab.workloads;

    uses dev.sab.workloads.WorkloadProvider;
}
