package dev.sab.reports.format;

import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.ProbeResult;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.sab.reports.model.ModelFixtures.results;
import static dev.sab.reports.model.ModelFixtures.trial;

class FormatsTest {

    @TempDir
    Path tmp;

    private static Results sample() {
        List<TrialResult> trials = List.of(trial(1_000, 2_000), TrialResult.failed("it said \"no\", twice", null), trial(3_000));
        RunResult run = new RunResult("platform-pool:threads=2", Map.of("threads", "2"), "sleep", Map.of("duration", "1ms"), 2,
                "closed:4", 5, List.of(), trials, Summaries.of(trials));
        return results("h", run);
    }

    @Test
    void csvHasOneRowPerTrialQuotedAsRfc4180() throws Exception {
        new CsvFormat().write(sample(), tmp);
        List<String> lines = List.of(Files.readString(tmp.resolve(CsvFormat.FILE)).split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("cell,scheduler,workload,params,tasks,arrival,trial,ok,error,wall_ns");
        assertThat(lines.get(1)).startsWith("5,platform-pool:threads=2,sleep,duration=1ms,2,closed:4,1,true,,");
        assertThat(lines.get(2)).startsWith("5,platform-pool:threads=2,sleep,duration=1ms,2,closed:4,2,false,\"it said \"\"no\"\", twice\",");
        int columns = lines.get(0).split(",").length;
        assertThat(lines.get(1).split(",", -1)).hasSize(columns);
    }

    /**
     * A trial shorter than one probe tick records an empty probe distribution: it has no
     * percentiles, so the summary, the table and the CSV show none, not a probe that was 0 ns late.
     */
    @Test
    void anEmptyProbeShowsNoFigureNotZero() throws Exception {
        TrialResult base = trial(1_000, 2_000);
        ProbeResult none = new ProbeResult(10_000_000, LatencySummary.of(new Histogram(3)));
        TrialResult shortTrial = new TrialResult(true, null, null, base.tasks(), base.wallNanos(), base.throughputPerSec(),
                base.latencyNs(), null, none, null, null, null, null, null, null, null);
        List<TrialResult> trials = List.of(shortTrial, shortTrial);
        RunResult run = new RunResult("virtual", Map.of(), "counters", Map.of(), 2, "burst", 0, List.of(), trials,
                Summaries.of(trials));
        assertThat(run.summary().probeLatenessNs()).isNull();
        assertThat(run.summary().latencyNs().p99()).isPositive();

        Results r = results("h", run);
        new MarkdownFormat().write(r, tmp);
        List<String> md = Files.readString(tmp.resolve(MarkdownFormat.FILE)).lines().toList();
        List<String> header = md.stream().filter(l -> l.startsWith("| scheduler")).findFirst().map(FormatsTest::cells)
                .orElseThrow();
        List<String> row = md.stream().filter(l -> l.startsWith("| virtual")).findFirst().map(FormatsTest::cells)
                .orElseThrow();
        assertThat(row.get(header.indexOf("probe p99"))).as("probe p99 in %s", row).isEmpty();
        assertThat(row.get(header.indexOf("p99"))).isNotEmpty();

        new CsvFormat().write(r, tmp);
        List<String> lines = List.of(Files.readString(tmp.resolve(CsvFormat.FILE)).split("\r\n"));
        int probeP99 = List.of(lines.get(0).split(",")).indexOf("probe_p99_ns");
        assertThat(lines.get(1).split(",", -1)[probeP99]).isEmpty();
    }

    @Test
    void theHistogramLogReadsBackEveryOkTrialExactly() throws Exception {
        Results r = sample();
        byte[] log = HdrHistogramLogFormat.render(r);
        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log));
        List<Histogram> read = new ArrayList<>();
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            read.add((Histogram) h);
        }
        assertThat(read).hasSize(2);
        assertThat(read.get(0).getTag()).isEqualTo("c5-t1");
        assertThat(read.get(1).getTag()).isEqualTo("c5-t3");
        assertThat(read.get(0).getTotalCount()).isEqualTo(2);
        assertThat(read.get(1).getMaxValue()).isEqualTo(r.runs().get(0).trials().get(2).latencyNs().decode().getMaxValue());
    }

    @Test
    void everyFormatWritesItsFile() throws Exception {
        for (ReportFormat f : ReportFormats.all()) {
            f.write(sample(), tmp);
            if (!f.fileName().endsWith("/")) {
                assertThat(tmp.resolve(f.fileName())).isNotEmptyFile();
            }
        }
        assertThat(JsonFormat.read(tmp).runs().get(0).trials()).hasSize(3);
        Path hgrm = tmp.resolve("hgrm/c5-platform-pool_threads_2-sleep.hgrm");
        assertThat(Files.readString(hgrm)).contains("Value     Percentile TotalCount 1/(1-Percentile)")
                .containsPattern("Total count += +3]");
        assertThat(Files.readString(tmp.resolve(MarkdownFormat.FILE))).contains("closed:4").contains("it said")
                .doesNotContain("Latency by tag");
    }

    private static List<String> cells(String markdownRow) {
        return List.of(markdownRow.split("\\|", -1)).stream().map(String::strip).toList();
    }
}
