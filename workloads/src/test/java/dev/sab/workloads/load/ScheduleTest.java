package dev.sab.workloads.load;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    private static LoadSpec spec(double rate, boolean poisson, long seed) {
        return new LoadSpec(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), List.of(new LoadSpec.Route("/", 1)), 1,
                rate, poisson, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), seed);
    }

    @Test
    void aConstantRateIsComputedFromTheIndexWithoutDrift() {
        Schedule s = new Schedule(spec(3, false, 1));
        assertThat(s.nextOffsetNanos()).isZero();
        assertThat(s.nextOffsetNanos()).isEqualTo(333_333_333L);
        assertThat(s.nextOffsetNanos()).isEqualTo(666_666_666L);
        assertThat(s.nextOffsetNanos()).isEqualTo(1_000_000_000L);
    }

    @Test
    void poissonGapsAverageTheRateAndRepeatForASeed() {
        Schedule a = new Schedule(spec(1000, true, 7));
        Schedule b = new Schedule(spec(1000, true, 7));
        long last = -1;
        boolean unequalGaps = false;
        long previousGap = -1;
        for (int k = 0; k < 20_000; k++) {
            long offset = a.nextOffsetNanos();
            assertThat(b.nextOffsetNanos()).isEqualTo(offset);
            assertThat(offset).isGreaterThanOrEqualTo(last);
            if (last >= 0) {
                long gap = offset - last;
                unequalGaps |= previousGap >= 0 && gap != previousGap;
                previousGap = gap;
            }
            last = offset;
        }
        // 19,999 gaps of mean 1 ms: the sum is within 3% of 20 s (its standard deviation is 0.7%)
        assertThat(last).isBetween(19_400_000_000L, 20_600_000_000L);
        assertThat(unequalGaps).isTrue();
    }

    @Test
    void poissonNeedsARate() {
        assertThatThrownBy(() -> spec(0, true, 1)).hasMessageContaining("Poisson arrivals need a rate");
    }
}
