package dev.sab.schedulers;

/** Thrown by {@link TaskHandle#join()} and {@link TaskHandle#result()} when the task threw; the cause is what it threw. */
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(Throwable cause) {
        super("task failed: " + cause, cause);
    }
}
