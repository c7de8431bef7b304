package dev.sab.reports.model;

/**
 * The latency of the tasks carrying one tag ({@code light}, {@code heavy}, a route).
 *
 * @param latencyNs their latency distribution
 */
public record TagResult(LatencySummary latencyNs) {
}
