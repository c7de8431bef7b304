/** JMH microbenchmarks of sab's parts; run from benchmarks/target/benchmarks.jar, see benchmarks/README.md. */
module dev.sab.benchmarks {
    requires dev.sab.core;
    requires dev.sab.schedulers;
    requires dev.sab.workloads;
    requires jmh.core;
    requires java.management;

    opens dev.sab.benchmarks;
}
