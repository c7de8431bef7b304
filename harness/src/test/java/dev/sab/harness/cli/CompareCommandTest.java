package dev.sab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sab compare}: real results compared, and every kind of bad input refused in one line with exit 2. */
class CompareCommandTest {

    @TempDir
    static Path dir;

    private static Path before;
    private static Path after;

    @BeforeAll
    static void twoRuns() throws Exception {
        before = dir.resolve("before");
        after = dir.resolve("after");
        for (Path out : List.of(before, after)) {
            CliRun r = CliRun.of("run", "-s", "virtual,platform-pool", "-w", "sleep", "-p", "duration=1ms", "--tasks", "50",
                    "--trials", "2", "--warmup", "0", "--no-fork", "-q", "--out", out.toString());
            assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        }
        // the second run also measured a cell the first did not
        Results b = JsonFormat.read(after);
        RunResult extra = b.runs().getFirst();
        extra = new RunResult("gmp", extra.schedulerSettings(), extra.workload(), extra.params(), extra.tasks(),
                extra.arrival(), 9, extra.jvmArgs(), extra.trials(), extra.summary());
        List<RunResult> runs = new java.util.ArrayList<>(b.runs());
        runs.add(extra);
        Files.write(after.resolve("results.json"), JsonFormat.toBytes(b.withRuns(runs)));
    }

    @Test
    void comparesTwoRunsCellByCell() {
        CliRun r = CliRun.of("compare", before.toString(), after.resolve("results.json").toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("A: " + before).contains("B: " + after.resolve("results.json"))
                .containsPattern("\\| virtual +\\| sleep +\\| 2/2 +\\|")
                .containsPattern("\\| platform-pool +\\| sleep +\\| 2/2 +\\|")
                .contains("2 cells in both:")
                .contains("Only in B:\n- gmp / sleep (duration=1ms, 50 tasks, burst)")
                .doesNotContain("Only in A");
    }

    @Test
    void printsJsonAndMarkdown() throws Exception {
        CliRun json = CliRun.of("compare", before.toString(), after.toString(), "--format", "json", "--threshold", "12.5%");
        assertThat(json.exit()).as("stderr: %s", json.err()).isZero();
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.path("thresholdPercent").asDouble()).isEqualTo(12.5);
        assertThat(tree.path("cells")).hasSize(2);
        assertThat(tree.path("cells").get(0).path("changes")).hasSize(5);
        assertThat(tree.path("onlyInB").get(0).path("scheduler").asText()).isEqualTo("gmp");

        CliRun md = CliRun.of("compare", before.toString(), after.toString(), "--format", "md");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).startsWith("# sab compare").contains(" → ").contains("## Only in B");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path otherJson = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"something/2\", \"runs\": []}");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String[][] cases = {
                {"compare", dir.resolve("missing").toString(), after.toString()},
                {"compare", before.toString(), empty.toString()},
                {"compare", notJson.toString(), after.toString()},
                {"compare", before.toString(), otherJson.toString()},
                {"compare", before.toString(), after.toString(), "--threshold", "0"},
                {"compare", before.toString(), after.toString(), "--threshold", "-5"},
                {"compare", before.toString(), after.toString(), "--threshold", "lots"},
                {"compare", before.toString(), after.toString(), "--format", "xml"},
                {"compare", before.toString()},
        };
        String[] expected = {
                "sab: cannot compare '" + dir.resolve("missing") + "': ",
                "sab: cannot compare '" + empty + "': " + empty.resolve("results.json") + ": no results file",
                "sab: cannot compare '" + notJson + "': " + notJson + " is not a sab results file",
                "sab: cannot compare '" + otherJson + "': " + otherJson + " has schema 'something/2', expected 'sab.results/1'",
                "sab: --threshold must be a percentage greater than 0, such as 5 or 2.5%, got '0'",
                "sab: --threshold must be a percentage greater than 0, such as 5 or 2.5%, got '-5'",
                "sab: --threshold must be a percentage greater than 0, such as 5 or 2.5%, got 'lots'",
                "sab: Invalid value for option '--format': expected one of [table, json, md]",
                "sab: Missing required parameter: 'B'",
        };
        for (int i = 0; i < cases.length; i++) {
            CliRun r = CliRun.of(cases[i]);
            assertThat(r.exit()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[i])).startsWith(expected[i]);
            assertThat(r.err().strip().lines().count()).as("one line: %s", r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
