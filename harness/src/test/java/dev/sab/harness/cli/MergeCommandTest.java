package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sab run --shard} slices merged with {@code sab merge} equal one run of the whole matrix. */
class MergeCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> MATRIX = List.of("-s", "virtual,platform-pool", "-w", "sleep,cpu", "-p", "units=10");
    private static final List<String> SMALL = List.of("-p", "duration=1ms", "--tasks", "20", "--trials",
            "2", "--warmup", "0", "--no-fork", "-q");

    private Results run(String name, String... extra) throws Exception {
        return run(name, MATRIX, extra);
    }

    private Results run(String name, List<String> matrix, String... extra) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(matrix);
        args.addAll(SMALL);
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        return JsonFormat.read(out);
    }

    @Test
    void mergingTheShardsOfARunEqualsRunningTheWholeMatrix() throws Exception {
        Results whole = run("whole");
        Results first = run("first", "--shard", "1/2");
        Results second = run("second", "--shard", "2/2");
        assertThat(first.shard()).isEqualTo("1/2");
        assertThat(first.runs()).hasSize(2);
        assertThat(second.runs()).hasSize(2);

        Path merged = tmp.resolve("merged");
        CliRun m = CliRun.of("merge", tmp.resolve("second").toString(), tmp.resolve("first/results.json").toString(), "-o",
                merged.toString());
        assertThat(m.exit()).as("stderr: %s", m.err()).isZero();
        assertThat(m.out()).contains("merged 2 result files: 4 cells, 8 trials").contains("results.json: ")
                .contains("report.html: ");
        Results joined = JsonFormat.read(merged);
        assertThat(java.nio.file.Files.readString(merged.resolve("report.html"))).contains("merged from 2 results")
                .contains("<h3>Merged from</h3>");

        assertThat(joined.runs().stream().map(RunResult::cellKey))
                .as("the cells of the whole matrix, in its order")
                .containsExactlyElementsOf(whole.runs().stream().map(RunResult::cellKey).toList());
        assertThat(joined.mergedFrom()).hasSize(2);
        for (RunResult cell : joined.runs()) {
            Results from = cell.cellIndex() % 2 == 0 ? first : second;
            RunResult original = from.runs().stream().filter(r -> r.cellKey().equals(cell.cellKey())).findFirst().orElseThrow();
            assertThat(cell.trials()).as("every trial as measured").isEqualTo(original.trials());
            assertThat(cell.summary()).isEqualTo(original.summary());
            assertThat(cell.schedulerSettings()).isEqualTo(whole.runs().get(cell.cellIndex()).schedulerSettings());
        }
    }

    @Test
    void theSameCellFromTwoRunsKeepsEveryTrialAndMergesTheirHistogramsExactly() throws Exception {
        Results a = run("a", List.of("-s", "virtual", "-w", "sleep"));
        Results b = run("b", List.of("-s", "virtual", "-w", "sleep"));
        Path merged = tmp.resolve("ab");
        CliRun m = CliRun.of("merge", tmp.resolve("a").toString(), tmp.resolve("b").toString(), "-o", merged.toString(),
                "--format", "json");
        assertThat(m.exit()).as("stderr: %s", m.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(m.out());
        assertThat(printed.path("runs")).hasSize(1);

        RunResult cell = JsonFormat.read(merged).runs().getFirst();
        List<TrialResult> expected = new ArrayList<>(a.runs().getFirst().trials());
        expected.addAll(b.runs().getFirst().trials());
        assertThat(cell.trials()).isEqualTo(expected);
        Histogram sum = new Histogram(3);
        expected.forEach(t -> sum.add(t.latencyNs().decode()));
        Histogram pooled = cell.summary().pooledLatencyNs().decode();
        assertThat(pooled).as("the pooled histogram is the exact sum of the trials'").isEqualTo(sum);
        assertThat(cell.summary().pooledLatencyNs().count()).isEqualTo(4 * 20);
        assertThat(cell.summary().okTrials()).isEqualTo(4);
    }
}
