package dev.sab.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A latency distribution in nanoseconds: the usual percentiles, and the full HdrHistogram
 * (compressed, base64) so distributions can be plotted and merged exactly later.
 *
 * @param count     recorded values
 * @param mean      nanoseconds
 * @param p50       nanoseconds (HdrHistogram's value at the percentile, 3 significant digits)
 * @param p90       nanoseconds
 * @param p99       nanoseconds
 * @param p999      nanoseconds
 * @param max       nanoseconds
 * @param histogram the HdrHistogram, V2-compressed and base64-encoded; null in summaries of medians
 */
public record LatencySummary(long count, double mean, long p50, long p90, long p99, long p999, long max,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String histogram) {

    /**
     * Whether {@code l} has values, and so percentiles: false for none, and for an empty
     * distribution (a trial that ended before the probe's first tick records one), whose zeros
     * are no measurement. Every reader that shows a percentile asks this first.
     */
    public static boolean hasValues(LatencySummary l) {
        return l != null && l.count() > 0;
    }

    /** Summarises {@code h}, keeping it encoded. */
    public static LatencySummary of(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), n));
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, encoded);
        }
        return new LatencySummary(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(), encoded);
    }

    /** The full histogram, decoded; throws if this summary carries none. */
    public Histogram decode() {
        if (histogram == null) {
            throw new IllegalStateException("this latency summary carries no histogram");
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt histogram in results: " + e.getMessage(), e);
        }
    }
}
