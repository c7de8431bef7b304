package dev.sab.schedulers.eventloop.scheduler;

import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.SafePoint;
import dev.sab.schedulers.eventloop.WorkerPoolOptions;

/**
 * {@code eventloop:workers=N}: the worker pool a loop offloads {@code Ctx.cpu} to, the way a Node
 * service moves CPU-bound work to Piscina so its loop stays free. A task is the number of units;
 * the worker burns them on its own thread and replies with the kernel's checksum.
 */
final class CpuWork {
    private CpuWork() {
    }

    static WorkerPoolOptions pool(String loopName, int workers) {
        return WorkerPoolOptions.fixed(loopName + "-cpu", workers, task -> CpuKernel.burn((Long) task, SafePoint.NONE));
    }
}
