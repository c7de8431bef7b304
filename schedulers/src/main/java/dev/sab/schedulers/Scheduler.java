package dev.sab.schedulers;

/**
 * An execution model: runs {@link Task}s and reports what it did.
 *
 * <p>Lifecycle: made by {@link Schedulers#create(String)}, given tasks with {@link #spawn} from any
 * thread, closed once. {@link #close()} waits for every spawned task (and the children they spawn)
 * to finish, then releases the scheduler's threads; after it, {@link #spawn} throws
 * {@link IllegalStateException}.
 */
public interface Scheduler extends AutoCloseable {

    /** The scheduler's name as in its spec: "platform", "virtual", "gmp", "eventloop", ... */
    String name();

    /** Starts {@code task}. Thread-safe. */
    default TaskHandle<Void> spawn(Task task) {
        return submit(task);
    }

    /** Starts {@code task}, which returns a value. Thread-safe. */
    <T> TaskHandle<T> submit(ValueTask<T> task);

    /** A snapshot of the scheduler's counters and gauges. Thread-safe, cheap, not on a hot path. */
    SchedulerMetrics metrics();

    /** Waits for every spawned task to finish, then releases the scheduler's threads. Idempotent. */
    @Override
    void close();
}
