package dev.sab.workloads;

import dev.sab.schedulers.Scheduler;
import dev.sab.schedulers.TaskHandle;
import dev.sab.workloads.load.LoadGenerator;
import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs one workload on one scheduler in this JVM, the way the harness does but without measuring:
 * setup, every task spawned at once and joined (or, for a server, the load generator run in this
 * JVM), verify, teardown.
 */
final class WorkloadDriver {
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(60);

    /**
     * What happened.
     *
     * @param verification the workload's verdict
     * @param taskFailures what tasks threw, as strings
     * @param report       the load generator's report, for a server workload
     */
    record Outcome(Verification verification, List<String> taskFailures, LoadReport report) {
    }

    private WorkloadDriver() {
    }

    static Outcome run(Workload workload, Scheduler scheduler, int tasks) throws Exception {
        return run(workload, scheduler, tasks, UnaryOperator.identity(), () -> { });
    }

    /**
     * @param tweak       changes the load spec of a server workload (a shorter timeout in tests)
     * @param beforeTasks runs after setup and before the first task (arms a fault)
     */
    static Outcome run(Workload workload, Scheduler scheduler, int tasks, UnaryOperator<LoadSpec> tweak, Runnable beforeTasks)
            throws Exception {
        Path temp = Files.createTempDirectory("sab-workload-test-");
        try {
            workload.setup(new WorkloadEnv(scheduler, tasks, temp, 42));
            try {
                beforeTasks.run();
                List<String> failures = new ArrayList<>();
                LoadReport report = null;
                if (workload.externalLoad().isPresent()) {
                    ExternalLoad load = workload.externalLoad().get();
                    report = LoadGenerator.run(tweak.apply(load.loadSpec(tasks, 42)));
                    load.loadFinished(report);
                } else {
                    List<TaskHandle<Void>> handles = new ArrayList<>();
                    for (int i = 0; i < tasks; i++) {
                        handles.add(scheduler.spawn(workload.task(i)));
                    }
                    for (TaskHandle<Void> h : handles) {
                        if (!h.join(JOIN_LIMIT)) {
                            throw new AssertionError("a task of " + workload.info().name() + " did not finish within " + JOIN_LIMIT);
                        }
                        if (h.exception() != null) {
                            failures.add(h.exception().toString());
                        }
                    }
                }
                return new Outcome(workload.verify(), failures, report);
            } finally {
                workload.teardown();
            }
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
