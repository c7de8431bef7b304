package dev.sab.schedulers.eventloop.scheduler;

/**
 * How {@code Ctx.cpu} leaves the loop ({@code eventloop:workers=N,offload=U}): calls of at least
 * {@code minUnits} units go to a pool of {@code workers} worker loops; shorter ones burn on the
 * loop. A Node service does the same: it sends its heavy computations to Piscina and keeps quick
 * work on the loop, where a round trip through a worker would cost more than the work.
 *
 * @param workers  worker loops in the pool; 0 runs every cpu call on the loop
 * @param minUnits the smallest call offloaded, in units of about 1 µs
 */
record CpuOffload(int workers, long minUnits) {

    /** Whether a call of {@code units} goes to the pool. */
    boolean offloads(long units) {
        return workers > 0 && units >= minUnits;
    }
}
