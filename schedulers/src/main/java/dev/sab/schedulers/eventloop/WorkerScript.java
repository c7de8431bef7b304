package dev.sab.schedulers.eventloop;

/**
 * A worker's program: the main script a {@link Worker} runs on its own loop thread, Java's
 * rendering of Node's {@code new Worker(filename)}.
 */
@FunctionalInterface
public interface WorkerScript {
    void run(WorkerContext worker) throws Exception;
}
