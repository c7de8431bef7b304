package dev.sab.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Percentage.withPercentage;

class ComparisonsTest {

    /** A trial whose latencies are all {@code latencyNs}, at {@code throughput} tasks/s, {@code memory} bytes per task. */
    private static TrialResult trial(long latencyNs, double throughput, Double memory) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(latencyNs, 100);
        MemoryResult mem = memory == null ? null
                : new MemoryResult(memory, null, null, null, null, null, null, null, null, null, null, null, null);
        return new TrialResult(true, null, null, 100, 1_000_000, throughput, LatencySummary.of(h), null, null, mem, null,
                null, null, null, null, null);
    }

    private static RunResult cell(String scheduler, Map<String, String> params, int tasks, TrialResult... trials) {
        List<TrialResult> list = List.of(trials);
        return new RunResult(scheduler, Map.of(), "sleep", params, tasks, "burst", 0, List.of(), list, Summaries.of(list));
    }

    private static Results results(String cores, RunResult... runs) {
        Environment env = new Environment("0.1", "c0ffee", "V", "25", List.of(), "cpu", Integer.parseInt(cores), 1, "os", "k",
                "sab run", "t", Map.of("trials", 3), "h");
        return Results.of(env, null, List.of(runs));
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aChangeBeyondTheThresholdWhoseTrialsDoNotOverlapIsReportedWithItsDirection() {
        Results a = results("2", cell("virtual", params("duration", "1ms"), 100,
                trial(1_000_000, 1000, 4096.0), trial(1_050_000, 1010, 4100.0), trial(1_020_000, 990, 4090.0)));
        Results b = results("2", cell("virtual", params("duration", "1ms"), 100,
                trial(2_000_000, 1500, 4096.0), trial(2_100_000, 1600, 4000.0), trial(2_050_000, 1550, 4200.0)));
        Comparison c = Comparisons.compare(a, "a", b, "b", 5);

        assertThat(c.cells()).hasSize(1);
        CellComparison cell = c.cells().getFirst();
        assertThat(cell.change(Metric.P99).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(cell.change(Metric.P99).ratio()).isBetween(1.9, 2.1);
        assertThat(cell.change(Metric.THROUGHPUT).verdict()).as("more tasks/s is better").isEqualTo(Verdict.BETTER);
        assertThat(cell.change(Metric.MEMORY_PER_TASK).verdict()).as("overlapping trials").isEqualTo(Verdict.WITHIN_NOISE);
        Spread p99a = cell.change(Metric.P99).a();
        assertThat(p99a.trials()).isEqualTo(3);
        assertThat(p99a.median()).as("HdrHistogram keeps 3 significant digits").isCloseTo(1_020_000, withPercentage(0.2));
        assertThat(p99a.min()).isCloseTo(1_000_000, withPercentage(0.2));
        assertThat(p99a.max()).isCloseTo(1_050_000, withPercentage(0.2));
        assertThat(cell.note()).isNull();
        assertThat(c.onlyInA()).isEmpty();
        assertThat(c.onlyInB()).isEmpty();
    }

    @Test
    void aLargeChangeWithinTheTrialsSpreadIsNoiseAndASmallConsistentOneIsBelowTheThreshold() {
        Results a = results("2", cell("gmp", params(), 100, trial(1_000_000, 1000, null), trial(3_000_000, 1020, null),
                trial(1_100_000, 1010, null)));
        Results b = results("2", cell("gmp", params(), 100, trial(2_000_000, 1030, null), trial(2_900_000, 1040, null),
                trial(2_100_000, 1035, null)));
        CellComparison cell = Comparisons.compare(a, "a", b, "b", 5).cells().getFirst();
        assertThat(cell.change(Metric.P50).ratio()).as("the medians doubled").isGreaterThan(1.8);
        assertThat(cell.change(Metric.P50).verdict()).as("but A's trials reach past B's").isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(cell.change(Metric.THROUGHPUT).verdict()).as("2.5% apart, consistently").isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(Comparisons.compare(a, "a", b, "b", 2).cells().getFirst().change(Metric.THROUGHPUT).verdict())
                .as("over a 2% threshold the same change counts").isEqualTo(Verdict.BETTER);
        assertThat(cell.change(Metric.MEMORY_PER_TASK).verdict()).isEqualTo(Verdict.MISSING);
        assertThat(cell.change(Metric.MEMORY_PER_TASK).ratio()).isNull();
    }

    @Test
    void withTwoTrialsASideNonOverlappingRangesAreStillUncertain() {
        Results a = results("2", cell("platform", params(), 100, trial(1_000_000, 1000, null), trial(1_100_000, 1000, null)));
        Results b = results("2", cell("platform", params(), 100, trial(2_000_000, 1000, null), trial(2_100_000, 1000, null),
                trial(2_050_000, 1000, null)));
        CellComparison cell = Comparisons.compare(a, "a", b, "b", 5).cells().getFirst();
        assertThat(cell.change(Metric.P99).verdict()).as("ranges of two miss by chance one time in three")
                .isEqualTo(Verdict.UNCERTAIN);
        assertThat(cell.note()).isEqualTo("only 2 trials in A: too few to tell a change from noise (3 a side are needed)");
    }

    @Test
    void withOneTrialTheNoiseIsUnknownAndTheCellSaysSo() {
        Results a = results("2", cell("platform", params(), 100, trial(1_000_000, 1000, null)));
        Results b = results("2", cell("platform", params(), 100, trial(2_000_000, 1000, null),
                trial(2_000_000, 1000, null)));
        CellComparison cell = Comparisons.compare(a, "a", b, "b", 5).cells().getFirst();
        assertThat(cell.change(Metric.P99).verdict()).isEqualTo(Verdict.UNCERTAIN);
        assertThat(cell.change(Metric.THROUGHPUT).verdict()).isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(cell.note()).isEqualTo("one trial in A: the noise is unknown");
    }

    @Test
    void cellsMatchByEveryParameterWhateverItsOrderAndTheRestAreListedPerSide() {
        Results a = results("2",
                cell("virtual", params("a", "1", "b", "2"), 100, trial(1, 1, null)),
                cell("virtual", params("a", "1", "b", "2"), 200, trial(1, 1, null)),
                cell("platform", params("a", "1", "b", "2"), 100, trial(1, 1, null)));
        Results b = results("16",
                cell("virtual", params("b", "2", "a", "1"), 100, trial(1, 1, null)),
                cell("virtual", params("a", "1", "b", "3"), 100, trial(1, 1, null)));
        Comparison c = Comparisons.compare(a, "a", b, "b", 5);
        assertThat(c.cells()).extracting(CellComparison::scheduler, CellComparison::tasks).containsExactly(
                tuple("virtual", 100));
        assertThat(c.onlyInA()).extracting(CellId::scheduler, CellId::tasks).containsExactly(
                tuple("virtual", 200), tuple("platform", 100));
        assertThat(c.onlyInB()).extracting(id -> id.params().get("b")).containsExactly("3");
        assertThat(c.environmentDifferences()).containsExactly("cores: 2 → 16");
    }

    @Test
    void theTextFormatsShowRatiosVerdictsAndBothSidesValues() throws Exception {
        Results a = results("2", cell("virtual", params("duration", "1ms"), 100,
                trial(1_000_000, 1000, null), trial(1_000_000, 1000, null), trial(1_000_000, 1000, null)),
                cell("gmp", params("duration", "1ms"), 100, trial(1_000_000, 1000, null)));
        Results b = results("2", cell("virtual", params("duration", "1ms"), 100,
                trial(3_000_000, 1000, null), trial(3_000_000, 1000, null), trial(3_000_000, 1000, null)),
                cell("eventloop", params("duration", "1ms"), 100, trial(1_000_000, 1000, null)));
        Comparison c = Comparisons.compare(a, "dir/a", b, "dir/b", 10);

        String table = ComparisonText.table(c);
        assertThat(table).contains("A: dir/a (sab run, t, on h, commit c0ffee)")
                .contains("at least 10%")
                .containsPattern("\\| virtual +\\| sleep +\\| 3/3 +\\| +1\\.00× ~ \\| +3\\.00× worse \\|")
                .contains("1 cell in both: 0 better, 3 worse (in 1 cell)")
                .contains("Only in A:\n- gmp / sleep (duration=1ms, 100 tasks, burst)")
                .contains("Only in B:\n- eventloop / sleep");
        assertThat(ComparisonText.markdown(c)).startsWith("# sab compare").contains("1.00ms → 3.00ms (**3.00× worse**)")
                .contains("## Only in A");

        JsonNode json = new ObjectMapper().readTree(ComparisonText.json(c));
        assertThat(json.path("thresholdPercent").asDouble()).isEqualTo(10);
        JsonNode p99 = json.path("cells").get(0).path("changes").get(2);
        assertThat(p99.path("metric").asText()).isEqualTo("p99");
        assertThat(p99.path("verdict").asText()).isEqualTo("worse");
        assertThat(p99.path("a").path("trials").asInt()).isEqualTo(3);
        assertThat(json.path("onlyInB").get(0).path("scheduler").asText()).isEqualTo("eventloop");
    }

    @Test
    void theThresholdMustBePositive() {
        Results r = results("2");
        assertThatThrownBy(() -> Comparisons.compare(r, "a", r, "b", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparisons.compare(r, "a", r, "b", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ComparisonText.table(Comparisons.compare(r, "a", r, "b", 5))).contains("No cell was measured in both");
    }

    @Test
    void spreadsKnowTheirMedianAndRange() {
        Spread s = Spread.of(new ArrayList<>(List.of(3.0, 1.0, 2.0, 10.0)));
        assertThat(s).isEqualTo(new Spread(2.5, 1.0, 10.0, 4));
        assertThat(s.disjointFrom(new Spread(11, 11, 12, 2))).isTrue();
        assertThat(s.disjointFrom(new Spread(9, 9, 12, 2))).isFalse();
        assertThat(Spread.of(List.of())).isNull();
    }
}
