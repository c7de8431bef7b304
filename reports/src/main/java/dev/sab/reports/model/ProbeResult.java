package dev.sab.reports.model;

/**
 * The responsiveness probe: every {@code intervalNanos} the harness spawns a tiny task on the
 * scheduler, and records how late it starts against the tick's intended time. The
 * scheduler-neutral form of Node's {@code monitorEventLoopDelay}.
 *
 * @param intervalNanos the probe's period
 * @param latenessNs    lateness of each probe, intended tick to first instruction
 */
public record ProbeResult(long intervalNanos, LatencySummary latenessNs) {
}
