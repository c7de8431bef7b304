package dev.sab.harness.internal;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyRecordersTest {

    @Test
    void recordsEveryValueKeepsThoseAboveTheLimitAsTheLimitAndLeavesUnusedTagsOut() {
        long limit = 2_000_000_000L;
        LatencyRecorders r = new LatencyRecorders(limit, List.of("heavy", "light"));
        r.latency(1_000, r.tag("light"));
        r.latency(5_000_000_000L, r.tag("heavy"));
        r.latency(-3, null);
        r.startDelay(7_000);

        Histogram all = r.latencyHistogram();
        assertThat(all.getTotalCount()).isEqualTo(3);
        assertThat(all.getMaxValue()).as("a value above the limit is kept as the limit")
                .isEqualTo(all.highestEquivalentValue(limit));
        assertThat(all.getMinValue()).as("a negative value is kept as 0").isZero();
        assertThat(r.startDelayHistogram().getTotalCount()).isEqualTo(1);
        var tags = r.tagHistograms(); // read once: reading takes what was recorded
        assertThat(tags).containsOnlyKeys("heavy", "light");
        assertThat(tags.get("light").getTotalCount()).isEqualTo(1);

        LatencyRecorders unused = new LatencyRecorders(limit, List.of("never"));
        unused.latency(10, unused.tag("other"));
        assertThat(unused.tagHistograms()).as("a tag made on first use is kept; one never used is left out")
                .containsOnlyKeys("other");
    }
}
