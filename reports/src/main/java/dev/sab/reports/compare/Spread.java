package dev.sab.reports.compare;

import dev.sab.reports.model.Summaries;

import java.util.List;

/**
 * One side's values of a metric over its ok trials.
 *
 * @param median the median, the figure the summary tables show
 * @param min    the lowest trial's value
 * @param max    the highest trial's value
 * @param trials how many trials had a value
 */
public record Spread(double median, double min, double max, int trials) {

    /** The spread of {@code values}, or null when there are none. */
    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new Spread(Summaries.median(v), min, max, v.length);
    }

    /** Whether every value of this side lies beyond every value of {@code other}, on either side. */
    boolean disjointFrom(Spread other) {
        return min > other.max || max < other.min;
    }
}
