package dev.sab.workloads;

import java.util.Map;
import java.util.Objects;

/**
 * The common part of a catalogue workload: its info and parameters, the {@link WorkloadEnv} it was
 * set up with, and a {@link TaskLedger} that makes a lost or repeated task fail verification.
 * Subclasses add their shared state in {@link #prepare} and their own checks in {@link #check}.
 */
public abstract class AbstractWorkload implements Workload {
    private final WorkloadInfo info;
    protected final Params params;
    /** Set by {@link #setup}; null before. */
    protected WorkloadEnv env;
    /** One slot per task; a task body calls {@code ledger.finished(index)} as its last act. */
    protected TaskLedger ledger;

    protected AbstractWorkload(WorkloadInfo info, Params params) {
        this.info = Objects.requireNonNull(info, "info");
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public final WorkloadInfo info() {
        return info;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final void setup(WorkloadEnv env) throws Exception {
        this.env = env;
        this.ledger = new TaskLedger(env.tasks());
        prepare(env);
    }

    /** Builds the shared state tasks use. Called once, on the harness thread, before any task. */
    protected void prepare(WorkloadEnv env) throws Exception {
    }

    /** Every task finished exactly once, then the workload's own checks. */
    @Override
    public final Verification verify() {
        return ledger.verify().and(check());
    }

    /** The workload's own checks (totals, checksums) and metrics; called after every task ended. */
    protected Verification check() {
        return Verification.passed(Map.of());
    }
}
