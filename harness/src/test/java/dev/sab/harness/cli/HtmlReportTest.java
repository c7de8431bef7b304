package dev.sab.harness.cli;

import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * report.html from a real run (in-process trials, small): its structure, one chart per expected
 * figure, no address outside the file, well-formed SVG; and, where Chromium is installed, that a
 * real browser renders it, prints it and draws its charts.
 */
class HtmlReportTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    static Path dir;

    private static Results results;
    private static String html;

    @BeforeAll
    static void runASmallExperiment() throws Exception {
        // platform-pool refuses fanout (its waiting tasks would deadlock the pool): a real failed trial
        CliRun r = CliRun.of("run", "-s", "platform,virtual,gmp,eventloop,platform-pool", "-w", "sleep,heavy-light,fanout",
                "-p", "duration=2ms", "-p", "heavyUnits=2000", "-p", "width=2", "-p", "depth=2", "--tasks", "100",
                "--trials", "2", "--warmup", "0", "--no-fork", "-q", "--out", dir.resolve("run").toString());
        assertThat(r.exit()).as("a trial failed, so 1; stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.out()).contains("report.html: " + dir.resolve("run/report.html"));
        results = JsonFormat.read(dir.resolve("run"));
        html = Files.readString(dir.resolve("run/report.html"));
    }

    @Test
    void thePageHasItsSectionsInOrder() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">").contains("<meta charset=\"utf-8\">")
                .endsWith("</html>\n");
        List<String> order = List.of("id=\"key-figures\"", "id=\"all-cells\"", "id=\"g0-sleep\"", "id=\"g1-heavy-light\"",
                "id=\"g2-fanout\"", "id=\"environment\"");
        int at = -1;
        for (String section : order) {
            int next = html.indexOf(section);
            assertThat(next).as(section).isGreaterThan(at);
            at = next;
        }
        assertThat(count(html, "<section class=\"group\"")).isEqualTo(3);
        String keyFigures = between(html, "id=\"key-figures\"", "</section>");
        assertThat(count(keyFigures, "<tr>")).as("a header and a row per workload").isEqualTo(4);
        assertThat(keyFigures).contains("p99 of the light tasks").contains("p99 latency");
        String allCells = between(html, "id=\"all-cells\"", "</section>");
        assertThat(count(allCells, "<tr>")).isEqualTo(1 + results.runs().size());
        assertThat(html).contains("<code>" + results.environment().commandLine() + "</code>")
                .contains("JDK").contains(results.environment().jdkVersion()).contains("cores")
                .contains(results.environment().cpuModel());
    }

    @Test
    void everyGroupHasOneChartPerExpectedFigure() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String group : List.of("g0-sleep", "g1-heavy-light", "g2-fanout")) {
            String workload = group.substring(3);
            List<RunResult> cells = results.runs().stream().filter(r -> r.workload().equals(workload)
                    && r.summary().okTrials() > 0).toList();
            List<String> kinds = new ArrayList<>(List.of("latency-distribution"));
            if (workload.equals("heavy-light")) {
                kinds.add("key-tag-distribution");
            }
            kinds.add("latency-percentiles");
            if (workload.equals("heavy-light")) {
                kinds.add("latency-by-tag");
            }
            kinds.add("throughput");
            if (cells.stream().anyMatch(r -> r.summary().memory() != null)) {
                kinds.add("memory-per-task");
            }
            if (cells.stream().anyMatch(r -> r.summary().probeLatenessNs() != null)) {
                kinds.add("probe-lateness");
            }
            expected.put(group, kinds);
        }
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String section = between(html, "id=\"" + e.getKey() + "\"", "</section>");
            List<String> kinds = new ArrayList<>();
            Matcher m = Pattern.compile("data-figure=\"([a-z-]+)\"").matcher(section);
            while (m.find()) {
                kinds.add(m.group(1));
            }
            assertThat(kinds).as(e.getKey()).containsExactlyElementsOf(e.getValue());
            assertThat(count(section, "<svg ")).as("one chart per figure in %s", e.getKey()).isEqualTo(kinds.size());
        }
        assertThat(html).as("every chart was drawn").doesNotContain("<p class=\"nochart\"");
        String fanout = between(html, "id=\"g2-fanout\"", "</section>");
        assertThat(fanout).contains("Failed trials").contains("platform-pool").contains("every trial failed");
        String reason = results.runs().stream().filter(r -> r.scheduler().equals("platform-pool") && r.workload().equals("fanout"))
                .findFirst().orElseThrow().trials().getFirst().error();
        assertThat(fanout).contains(reason.substring(0, Math.min(40, reason.length())).replace("'", "&#39;"));
    }

    @Test
    void theFileNamesNoAddressOutsideItself() {
        String withoutNamespaces = html.replace("xmlns='" + SVG_NS + "'", "");
        assertThat(withoutNamespaces).doesNotContainPattern("(?i)\\b(https?|ftp|file):/")
                .doesNotContainPattern("(?i)\\bdata:[a-z]+/")
                .doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)\\bsrc\\s*=")
                .doesNotContainPattern("(?i)@import");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertThat(href.group(1)).as("links stay on the page").startsWith("#");
        }
        Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (url.find()) {
            assertThat(url.group(1)).as("SVG references stay in the chart").startsWith("#");
        }
    }

    @Test
    void everyChartIsWellFormedSvgWithIdsOfItsOwn() throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        List<String> svgs = svgs(html);
        assertThat(svgs).hasSize(count(html, "<figure "));
        List<String> ids = new ArrayList<>();
        for (String svg : svgs) {
            Document doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
            assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
            assertThat(doc.getDocumentElement().getAttribute("aria-label")).isNotBlank();
            assertThat(doc.getElementsByTagNameNS(SVG_NS, "text").getLength()).isGreaterThan(3);
            Matcher id = Pattern.compile(" id='([^']+)'").matcher(svg);
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        assertThat(ids).as("the charts share one id space").doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void aRealBrowserRendersItWithoutErrorsDrawsTheChartsAndPrintsIt() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "chromium is not installed (/usr/bin/chromium; Debian: apt-get install chromium): "
                + "the headless rendering check of report.html was skipped");
        Path page = dir.resolve("run/report.html");
        Path work = Files.createDirectories(dir.resolve("chromium"));

        HeadlessChromium.Outcome dom = chromium.run(page, work, "--dump-dom");
        assertThat(dom.exit()).as(dom.stderr()).isZero();
        assertThat(HeadlessChromium.pageErrors(dom.stderr())).isEmpty();
        assertThat(count(dom.stdout(), "<svg ")).as("the browser's DOM holds every chart").isEqualTo(count(html, "<svg "));
        assertThat(dom.stdout()).contains("<h1>sab report").contains("id=\"environment\"");

        Path png = work.resolve("report.png");
        HeadlessChromium.Outcome shot = chromium.run(page, work, "--window-size=1280,3000", "--screenshot=" + png);
        assertThat(shot.exit()).as(shot.stderr()).isZero();
        assertThat(HeadlessChromium.pageErrors(shot.stderr())).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // the darkest bar colour is used by the bar charts and nowhere else on the page: the charts were drawn
        // (the first group's p50/p99 bars fill about 45,000 pixels of a 1280×3000 screenshot)
        assertThat(pixelsNear(image, 0x08306B) * 4).as("p99 bar pixels in the screenshot").isGreaterThan(8000);

        Path pdf = work.resolve("report.pdf");
        HeadlessChromium.Outcome print = chromium.run(page, work, "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
        assertThat(print.exit()).as(print.stderr()).isZero();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Matcher pages = Pattern.compile("/Count (\\d+)").matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int pageCount = 0;
        while (pages.find()) {
            pageCount = Math.max(pageCount, Integer.parseInt(pages.group(1))); // the page tree's root counts them all
        }
        assertThat(pageCount).as("the overview, then each of the three groups from a new page").isGreaterThanOrEqualTo(4);
        assertThat(bytes.length).as("a printed report with its charts").isGreaterThan(50_000);
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int p = image.getRGB(x, y);
                int dr = ((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF);
                int dg = ((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF);
                int db = (p & 0xFF) - (rgb & 0xFF);
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    n++;
                }
            }
        }
        return n;
    }

    static List<String> svgs(String page) {
        List<String> out = new ArrayList<>();
        for (int at = page.indexOf("<svg "); at >= 0; at = page.indexOf("<svg ", at)) {
            int end = page.indexOf("</svg>", at) + "</svg>".length();
            out.add(page.substring(at, end));
            at = end;
        }
        return out;
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = s.indexOf(to, start);
        return s.substring(start, end < 0 ? s.length() : end);
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
