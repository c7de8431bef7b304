package dev.sab.schedulers;

import java.util.List;

/**
 * Makes one kind of scheduler from validated settings. Registered in {@link Schedulers}; a
 * registered scheduler joins the contract test suite automatically.
 */
public interface SchedulerProvider {

    SchedulerInfo info();

    /** Builds a scheduler; {@code settings} holds a value for every declared setting. */
    Scheduler create(Settings settings);

    /**
     * JVM flags a trial process must be started with for these settings (for example
     * {@code -Djdk.virtualThreadScheduler.parallelism=2}); empty when the scheduler can run in any
     * JVM.
     */
    default List<String> jvmArgs(Settings settings) {
        return List.of();
    }

    /**
     * Whether a waiting task (sleeping, blocked on a socket) holds one of a fixed number of threads,
     * so that no more tasks wait at once than there are threads: true of a bounded thread pool, the
     * model whose point is that limit. The contract suite's 10,000-concurrent-sleepers test does
     * not apply to such schedulers.
     */
    default boolean waitsHoldThreads() {
        return false;
    }

    /** Specs the contract test suite runs this scheduler under: its default, plus small and large variants. */
    default List<String> contractVariants() {
        return List.of(info().name());
    }
}
