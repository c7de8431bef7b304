package dev.sab.schedulers.eventloop;

/**
 * What a worker's script sees of {@code require('worker_threads')}: its loop, the port to its
 * parent, the data it was started with, and its thread id.
 *
 * <p>Called only on the worker's loop thread.
 */
public final class WorkerContext {
    private final EventLoop loop;
    private final MessagePort parentPort;
    private final Object workerData;
    private final int threadId;
    private final Worker worker;

    WorkerContext(EventLoop loop, MessagePort parentPort, Object workerData, int threadId, Worker worker) {
        this.loop = loop;
        this.parentPort = parentPort;
        this.workerData = workerData;
        this.threadId = threadId;
        this.worker = worker;
    }

    /** The worker's own event loop. */
    public EventLoop loop() {
        return loop;
    }

    /** {@code parentPort}: messages to and from the thread that started this worker. */
    public MessagePort parentPort() {
        return parentPort;
    }

    /** {@code workerData}: a structured clone of what the parent passed. */
    public Object workerData() {
        return workerData;
    }

    /** {@code threadId}: 1 for the first worker of the JVM, counting up. */
    public int threadId() {
        return threadId;
    }

    /** {@code process.exit(code)} in a worker: ends this worker (not the JVM) with {@code code}. */
    public void exit(int code) {
        loop.checkThread("exit");
        worker.exitFromWorker(code);
    }
}
