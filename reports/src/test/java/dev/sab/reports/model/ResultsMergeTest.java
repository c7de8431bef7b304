package dev.sab.reports.model;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsMergeTest {

    static TrialResult trial(long... latencies) {
        Histogram h = new Histogram(3);
        for (long l : latencies) {
            h.recordValue(l);
        }
        return new TrialResult(true, null, null, latencies.length, 1_000_000, latencies.length * 1000.0, LatencySummary.of(h),
                null, null, null, null, null, null, null, null, null);
    }

    static RunResult cell(int index, String scheduler, TrialResult... trials) {
        List<TrialResult> list = List.of(trials);
        return new RunResult(scheduler, Map.of(), "sleep", Map.of("duration", "1ms"), 3, "burst", index, List.of(), list,
                Summaries.of(list));
    }

    static Results results(String host, RunResult... runs) {
        Environment env = new Environment("0", null, "v", "25", List.of(), "cpu", 2, 1, "os", "k", "sab run", "t", Map.of(), host);
        return Results.of(env, null, List.of(runs));
    }

    @Test
    void cellsComeBackInMatrixOrderAndTheSameCellKeepsEveryTrial() {
        Results a = results("a", cell(2, "virtual", trial(10, 20, 30)), cell(0, "platform", trial(1, 2, 3)));
        Results b = results("b", cell(1, "platform-pool", trial(5, 5, 5)), cell(2, "virtual", trial(40, 50, 60)));
        Results merged = ResultsMerge.merge(List.of(a, b));

        assertThat(merged.runs()).extracting(RunResult::scheduler).containsExactly("platform", "platform-pool", "virtual");
        RunResult virtual = merged.runs().get(2);
        assertThat(virtual.trials()).hasSize(2);
        assertThat(virtual.trials().get(0)).isEqualTo(a.runs().get(0).trials().get(0));
        assertThat(virtual.trials().get(1)).isEqualTo(b.runs().get(1).trials().get(0));
        assertThat(virtual.summary().okTrials()).isEqualTo(2);
        assertThat(merged.mergedFrom()).extracting(Environment::hostname).containsExactly("a", "b");
        assertThat(merged.environment().hostname()).isEqualTo("a");
    }

    @Test
    void thePooledHistogramIsTheExactSumOfTheTrials() {
        TrialResult t1 = trial(1_000, 2_000, 3_000, 1_000_000);
        TrialResult t2 = trial(4_000, 5_000);
        Summary s = Summaries.of(List.of(t1, t2));
        Histogram expected = new Histogram(3);
        expected.add(t1.latencyNs().decode());
        expected.add(t2.latencyNs().decode());
        assertThat(s.pooledLatencyNs().decode()).isEqualTo(expected);
        assertThat(s.pooledLatencyNs().count()).isEqualTo(6);
        assertThat(s.pooledLatencyNs().max()).isEqualTo(expected.getMaxValue());
        assertThat(s.latencyNs().count()).as("the median summary is the median of the trials' figures").isEqualTo(3);
    }

    @Test
    void failedTrialsStayButDoNotCountInTheSummary() {
        TrialResult failed = TrialResult.failed("killed", "tail");
        Summary s = Summaries.of(List.of(trial(1, 2), failed));
        assertThat(s.okTrials()).isEqualTo(1);
        assertThat(s.failedTrials()).isEqualTo(1);
        assertThat(s.pooledLatencyNs().count()).isEqualTo(2);
    }
}
