package dev.sab.reports.model;

/**
 * CPU used by the trial process during the measured iteration (the harness's driver and probe
 * threads in it included).
 *
 * @param processCpuNanos user + system CPU time
 * @param coresUsed       CPU time / the wall time of the same window (from before the first spawn
 *                        to after the last task and the probe's last tick): at most the cores the
 *                        process could use, unlike CPU time over the tasks' shorter wall time
 * @param nsPerCpuUnit    what one {@code Ctx.cpu} unit cost when calibrated
 */
public record CpuResult(long processCpuNanos, double coresUsed, double nsPerCpuUnit) {
}
