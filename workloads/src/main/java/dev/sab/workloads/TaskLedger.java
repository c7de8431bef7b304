package dev.sab.workloads;

import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A workload's own record of which task bodies ran to the end, so that a scheduler that loses,
 * duplicates or skips a task fails verification even if its handles claim success. Thread-safe:
 * one slot per task index, set once.
 */
public final class TaskLedger {
    private final AtomicIntegerArray finished;

    public TaskLedger(int tasks) {
        this.finished = new AtomicIntegerArray(tasks);
    }

    /** Records that task {@code index} reached its end; called once, from the task itself. */
    public void finished(int index) {
        finished.incrementAndGet(index); // volatile RMW: visible to verify() after the harness joins the task
    }

    /** Passes when every task finished exactly once; otherwise names the first that did not. */
    public Verification verify() {
        int missing = 0;
        int duplicated = 0;
        int firstMissing = -1;
        int firstDuplicated = -1;
        for (int i = 0; i < finished.length(); i++) {
            int n = finished.get(i);
            if (n == 0) {
                if (missing++ == 0) {
                    firstMissing = i;
                }
            } else if (n > 1) {
                if (duplicated++ == 0) {
                    firstDuplicated = i;
                }
            }
        }
        Map<String, Number> metrics = Map.of("tasksVerified", finished.length() - missing);
        if (missing > 0) {
            return Verification.failed(missing + " of " + finished.length() + " tasks never finished their work (first: task "
                    + firstMissing + ")", metrics);
        }
        if (duplicated > 0) {
            return Verification.failed(duplicated + " tasks ran more than once (first: task " + firstDuplicated + ")", metrics);
        }
        return Verification.passed(metrics);
    }
}
