/**
 * {@code sab load}: sab's external load generator, for the server workloads.
 *
 * <h2>Why a generator of its own, in a JVM of its own</h2>
 * A server measured by clients that share its scheduler measures itself twice: on an event loop the
 * clients' sends wait behind the very /heavy request whose effect on /light is the question. The
 * harness therefore runs {@code sab load} as a separate process ({@code harness/.../LoadProcess}),
 * and the trial's latency is the generator's. It is written in Java rather than shelling out to
 * wrk so that it needs nothing installed, sends sab's numbered requests and checks every answer,
 * and reports full HdrHistograms per route.
 *
 * <h2>Model</h2>
 * <ul>
 * <li>One thread, one {@link java.nio.channels.Selector}, non-blocking keep-alive connections with
 *     at most one request outstanding each (no pipelining), as wrk does.</li>
 * <li>Open loop at a rate (wrk2's model): request k is due at start + k/rate, released by the
 *     {@code Pacer} thread and sent on the first idle connection; latency runs from the intended
 *     time, so a stall is charged to every request that should have gone during it (coordinated
 *     omission corrected). Requests due while every connection is busy wait, and their wait counts.</li>
 * <li>Closed loop (no rate, wrk's model): each connection sends again as soon as it is answered;
 *     latency runs from each request's own write.</li>
 * <li>Bounded in count and in time; requests outstanding at the end get the timeout to be answered;
 *     a request unanswered past the timeout counts as timed out and its connection is replaced.</li>
 * <li>Loopback only: the target must be a loopback address; names other than {@code localhost} are
 *     refused before any DNS lookup.</li>
 * <li>No allocation per request: the request is rebuilt in a per-connection buffer and the answer
 *     checked byte by byte, so the generator takes as little CPU from a server sharing its cores
 *     as it can.</li>
 * </ul>
 *
 * <h2>Checked against wrk</h2>
 * {@code benchmarks/scripts/wrk-check.sh} loads one server with both at the same connection count;
 * their medians agree within 25% (figures in benchmarks/README.md).
 */
package dev.sab.workloads.load;
