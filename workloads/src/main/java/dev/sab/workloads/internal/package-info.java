/**
 * Pieces several workloads share and users need not see: the loopback TCP server skeleton
 * ({@code LoopbackServer}) of echo and http, and the check that refuses schedulers a workload would
 * deadlock on ({@code SchedulerFit}). Not exported.
 */
package dev.sab.workloads.internal;
