package dev.sab.reports.html;

import dev.sab.reports.format.ReportFormats;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.BasicStroke;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportFormatTest {
    private static final List<String> SCHEDULERS = List.of("platform", "platform-pool:threads=2", "virtual", "gmp:procs=2",
            "eventloop", "eventloop-cluster:loops=2");

    @TempDir
    Path tmp;

    @Test
    void sixtyCellsGiveEveryGroupItsFiguresWithUniqueIdsAndWellFormedSvg() throws Exception {
        Results results = ReportFixtures.results(10, SCHEDULERS, "virtual");
        String html = HtmlReportFormat.render(results);

        assertThat(count(html, "<section class=\"group\"")).isEqualTo(10);
        assertThat(html).contains("<title>sab report: 10 workloads</title>");
        // five untagged workloads (one of them with a scheduler that failed) and five tagged ones, which add the
        // light tasks' distribution and the latency-by-tag bars
        assertThat(figures(html, "latency-distribution")).isEqualTo(10);
        assertThat(figures(html, "key-tag-distribution")).isEqualTo(5);
        assertThat(figures(html, "latency-by-tag")).isEqualTo(5);
        for (String kind : List.of("latency-percentiles", "throughput", "memory-per-task", "probe-lateness")) {
            assertThat(figures(html, kind)).as(kind).isEqualTo(10);
        }
        assertThat(count(html, "<svg ")).isEqualTo(count(html, "<figure ")).isEqualTo(60);
        assertThat(html).as("every chart was drawn").doesNotContain("<p class=\"nochart\"");

        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile(" id=['\"]([^'\"]+)['\"]").matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).as("one id space for the whole page").doesNotHaveDuplicates();

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        for (String svg : svgs(html)) {
            Document doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(doc.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 640 ");
            assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength())
                    .as("axis labels are text").isGreaterThan(3);
        }
        assertThat(html.length()).as("60 cells stay a few megabytes").isLessThan(8_000_000);
    }

    @Test
    void whatARunRecordsIsEscapedAndFailedTrialsShowTheirReason() {
        String html = HtmlReportFormat.render(ReportFixtures.results(2, SCHEDULERS, "virtual"));
        assertThat(html).doesNotContain("<script").doesNotContain("alert(1)</")
                .contains("trial process exited with 3 &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("stderr &amp; more")
                .contains("every trial failed")
                .contains("href=\"#g0-work0-failed\"");
        assertThat(count(html, "class=\"reason\"")).isEqualTo(3);

        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        List<dev.sab.reports.model.TrialResult> trials = List.of(
                ReportFixtures.trial(random, 1_000_000, 300, true, "virtual", "<i>light</i>"),
                ReportFixtures.trial(random, 1_000_000, 300, true, "virtual", "<i>light</i>"));
        String tagged = HtmlReportFormat.render(Results.of(ReportFixtures.environment(), null,
                List.of(ReportFixtures.cell(0, "virtual", "heavy-light", java.util.Map.of(), trials))));
        assertThat(tagged).doesNotContain("<i>").contains("p99 of the &lt;i&gt;light&lt;/i&gt; tasks")
                .contains("how the &lt;i&gt;light&lt;/i&gt; tasks");
        for (String svg : svgs(tagged)) {
            assertThat(svg).doesNotContain("<i>");
        }
    }

    @Test
    void withoutChartsThePageSaysWhyAndKeepsEveryTable() {
        Results results = ReportFixtures.results(2, SCHEDULERS, null);
        String html = HtmlReportFormat.render(results, p -> new FigureWriter(p, "no fonts here"));
        assertThat(html).doesNotContain("<svg ").contains("Charts are missing from this report: no fonts here")
                .contains("<p class=\"nochart\">Chart not drawn: no fonts here. Its numbers are in the tables of this section.</p>");
        assertThat(count(html, "<figure ")).isEqualTo(count(html, "<p class=\"nochart\">Chart not drawn"));
        assertThat(count(html, "<h3>Latency and throughput</h3>")).isEqualTo(2);
    }

    @Test
    void theKeyFigureFollowsTheMostNumerousTagAndNamesTheLowestAndHighest() {
        Results results = ReportFixtures.results(2, List.of("platform", "virtual", "gmp"), null);
        List<CellGroup> groups = CellGroup.of(results);
        assertThat(groups.get(0).keyTag()).isEmpty();
        assertThat(groups.get(0).keyFigureName()).isEqualTo("p99 latency");
        assertThat(groups.get(1).keyTag()).contains("light");
        assertThat(groups.get(1).tags()).containsExactly("light", "heavy");

        CellGroup tagged = groups.get(1);
        long platform = tagged.keyFigure(tagged.cells().get(0));
        long gmp = tagged.keyFigure(tagged.cells().get(2));
        assertThat(platform).as("the fixture scales latency with the scheduler's place").isLessThan(gmp);
        assertThat(platform).isEqualTo(tagged.cells().get(0).summary().tags().get("light").latencyNs().p99());
        String finding = HtmlReportFormat.finding(tagged, new Palette(List.of("platform", "virtual", "gmp")));
        assertThat(finding).contains("P99 of the light tasks").containsPattern("lowest under <span[^>]*>●</span>platform")
                .containsPattern("highest under <span[^>]*>▲</span>gmp");
    }

    @Test
    void aBurstSpawnedByATaskSaysWhatItsLatencyMeans() {
        SplittableRandom random = new SplittableRandom(3);
        List<TrialResult> trials = List.of(ReportFixtures.trial(random, 1_000_000L, 500, false, "eventloop"));
        RunResult fromThread = ReportFixtures.cell(0, "eventloop", "cpu", Map.of(), trials);
        RunResult fromTask = new RunResult("eventloop", Map.of(), "cpu", Map.of(), 1000, "burst:task", 1, List.of(), trials,
                fromThread.summary());
        String html = HtmlReportFormat.render(Results.of(ReportFixtures.environment(), null, List.of(fromThread, fromTask)));
        assertThat(html).contains("arrival burst:task");
        assertThat(count(html, "made by one task on the scheduler")).as("the task-spawned group's figures say so")
                .isPositive();
        String threadGroup = html.substring(html.indexOf("id=\"g0-cpu\""), html.indexOf("id=\"g1-cpu\""));
        assertThat(threadGroup).doesNotContain("made by one task on the scheduler");
    }

    @Test
    void everyRunAndMergeWritesReportHtml() throws Exception {
        assertThat(ReportFormats.all()).anyMatch(f -> f.fileName().equals(HtmlReportFormat.FILE));
        new HtmlReportFormat().write(ReportFixtures.results(1, List.of("virtual"), null), tmp);
        String html = Files.readString(tmp.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void axesLabelPercentilesAndUnitsAsPeopleWriteThem() {
        assertThat(AxisFormat.percentile(1)).isEqualTo("0%");
        assertThat(AxisFormat.percentile(10)).isEqualTo("90%");
        assertThat(AxisFormat.percentile(100)).isEqualTo("99%");
        assertThat(AxisFormat.percentile(1000)).isEqualTo("99.9%");
        assertThat(AxisFormat.percentile(100_000)).isEqualTo("99.999%");
        assertThat(AxisFormat.nanos(0)).isEqualTo("0");
        assertThat(AxisFormat.nanos(850)).isEqualTo("850ns");
        assertThat(AxisFormat.nanos(50_000_000)).isEqualTo("50ms");
        assertThat(AxisFormat.nanos(1_250_000_000)).isEqualTo("1.25s");
        assertThat(AxisFormat.bytes(1536)).isEqualTo("1.5KiB");
        assertThat(AxisFormat.label(AxisFormat.Kind.RATE, 12_300)).isEqualTo("12.3k/s");
        assertThat(SvgChart.twoDecimals(3.14159)).isEqualTo("3.14");
        assertThat(SvgChart.twoDecimals(-0.5)).isEqualTo("-0.5");
        assertThat(SvgChart.twoDecimals(2.0)).isEqualTo("2");
    }

    @Test
    void everySchedulerKeepsOneStyleAndNoTwoStylesAreAlike() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("s" + i);
        }
        Palette palette = new Palette(names);
        Set<String> looks = new HashSet<>();
        for (String n : names) {
            Palette.Style s = palette.of(n);
            looks.add(s.css() + "/" + s.markerName() + "/" + Arrays.toString(((BasicStroke) s.line()).getDashArray()));
            assertThat(palette.of(n)).isSameAs(s);
        }
        assertThat(looks).hasSize(20);
        assertThat(palette.of("s0").css()).isEqualTo("#0072B2");
    }

    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while ((at = html.indexOf("<svg ", at)) >= 0) {
            int end = html.indexOf("</svg>", at) + "</svg>".length();
            out.add(html.substring(at, end));
            at = end;
        }
        return out;
    }

    private static int figures(String html, String kind) {
        return count(html, "data-figure=\"" + kind + "\"");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
