package dev.sab.schedulers.eventloop;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WorkerPool} is made: Piscina's options.
 *
 * @param name        a name for the workers' threads
 * @param minThreads  workers started at once and kept (Piscina's default: the number of cores)
 * @param maxThreads  the most workers at once (Piscina's default: 1.5 times the cores)
 * @param idleTimeout how long a worker beyond {@code minThreads} may sit idle before it is stopped (Piscina: 0)
 * @param handler     what each worker does with a task, on the worker's loop thread
 */
public record WorkerPoolOptions(String name, int minThreads, int maxThreads, Duration idleTimeout, Handler handler) {

    /** The worker's side of a task: Piscina's exported function. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles one task (a structured clone of what {@link WorkerPool#run} was given) and returns
         * the result, or a {@link Promise} of the worker's loop that settles with it.
         */
        Object handle(Object task) throws Exception;
    }

    public WorkerPoolOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(handler, "handler");
        if (minThreads < 0 || maxThreads < 1 || minThreads > maxThreads) {
            throw new IllegalArgumentException("worker pool threads: min " + minThreads + ", max " + maxThreads
                    + "; valid: 0 <= min <= max, max >= 1");
        }
    }

    /** Piscina's defaults for {@code handler}: min = cores, max = 1.5 x cores, idle timeout 0. */
    public static WorkerPoolOptions of(Handler handler) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new WorkerPoolOptions("pool", cores, Math.max(1, (int) Math.ceil(cores * 1.5)), Duration.ZERO, handler);
    }

    /** A fixed pool of {@code threads} workers. */
    public static WorkerPoolOptions fixed(String name, int threads, Handler handler) {
        return new WorkerPoolOptions(name, threads, threads, Duration.ZERO, handler);
    }
}
