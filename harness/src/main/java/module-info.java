/**
 * The runner (trials, forked JVMs, warm-up, arrival modes, metrics collection), experiment files,
 * and the {@code sab} command line.
 */
module dev.sab.harness {
    requires dev.sab.schedulers;
    requires dev.sab.workloads;
    requires transitive dev.sab.reports; // the API hands out results
    requires info.picocli;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires me.tongfei.progressbar;
    requires java.management;
    requires jdk.management;

    exports dev.sab.harness;

    opens dev.sab.harness.cli to info.picocli;
    opens dev.sab.harness to com.fasterxml.jackson.databind;
}
