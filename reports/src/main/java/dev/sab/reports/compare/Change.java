package dev.sab.reports.compare;

/**
 * How one metric of one cell changed from A to B.
 *
 * @param metric  the metric
 * @param a       A's values, or null when A has none
 * @param b       B's values, or null when B has none
 * @param ratio   B's median / A's median; null when a side is missing or A's median is zero
 * @param verdict what the change amounts to, given the threshold and the trials' spread
 */
public record Change(Metric metric, Spread a, Spread b, Double ratio, Verdict verdict) {
}
