package dev.sab.workloads;

import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;

/**
 * How a workload that is a server ({@code http}) is driven from outside. The harness, after the
 * workload's {@link Workload#setup}, asks for the {@link #loadSpec}, runs {@code sab load} with it in
 * a separate JVM, hands the generator's {@link LoadReport} to {@link #loadFinished}, and then calls
 * {@link Workload#verify()}, which cross-checks what the server saw against what the generator got.
 */
public interface ExternalLoad {

    /**
     * What the generator sends in a trial of {@code requests} requests: the server's address, the
     * routes and their weights, connections and rate. Called once, after setup, on the harness thread.
     * The harness may change the rate ({@link LoadSpec#withRate}) for its own arrival modes.
     */
    LoadSpec loadSpec(int requests, long seed);

    /** The generator's report, once it has finished; called once, before {@link Workload#verify()}. */
    void loadFinished(LoadReport report);
}
