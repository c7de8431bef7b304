package dev.sab.reports.model;

/**
 * How the tasks of a trial arrived.
 *
 * @param mode               {@code burst} (all at once), {@code closed} (a fixed number in
 *                           flight) or {@code open} (at a rate, whatever happens to earlier tasks)
 * @param concurrency        tasks in flight, in closed-loop runs
 * @param targetRatePerSec   the asked-for rate, in open-loop runs
 * @param achievedRatePerSec tasks spawned per second from the first spawn to the last
 * @param maxSpawnLagNanos   in open-loop runs, how far behind its intended time a spawn happened at
 *                           worst (latency counts from the intended time regardless)
 * @param latencyFrom        {@code spawn} or {@code intended start}
 */
public record ArrivalResult(String mode, Integer concurrency, Double targetRatePerSec, Double achievedRatePerSec,
                            Long maxSpawnLagNanos, String latencyFrom) {
}
