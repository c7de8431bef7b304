package dev.sab.reports.html;

import dev.sab.reports.model.CpuResult;
import dev.sab.reports.model.Environment;
import dev.sab.reports.model.LatencySummary;
import dev.sab.reports.model.MemoryResult;
import dev.sab.reports.model.ProbeResult;
import dev.sab.reports.model.ProcessResult;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.Summaries;
import dev.sab.reports.model.TagResult;
import dev.sab.reports.model.TrialResult;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Results with everything a report shows, made up with a fixed seed: latency histograms whose
 * scale differs by scheduler, light and heavy tags, memory, the probe, process figures and
 * scheduler counters (shared ones, own ones and per-part ones).
 */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static Environment environment() {
        return new Environment("0.1.0", "abc123", "Vendor", "25.0.1", List.of("-Xmx1g"), "Test CPU", 8, 16L << 30,
                "Linux amd64", "6.1", "sab run -w sleep", "2026-01-01T00:00:00Z",
                Map.of("trials", 3, "cpuUnit", Map.of("nsPerUnit", 1000.0)), "host-a");
    }

    /** A trial whose latencies are about {@code scaleNs}, with a tagged tail when {@code tagged}. */
    static TrialResult trial(SplittableRandom random, long scaleNs, int tasks, boolean tagged, String scheduler) {
        return trial(random, scaleNs, tasks, tagged, scheduler, "light");
    }

    /** The same, the light tasks tagged {@code lightTag}. */
    static TrialResult trial(SplittableRandom random, long scaleNs, int tasks, boolean tagged, String scheduler,
                             String lightTag) {
        Histogram all = new Histogram(3);
        Histogram light = new Histogram(3);
        Histogram heavy = new Histogram(3);
        for (int i = 0; i < tasks; i++) {
            boolean isHeavy = tagged && i % 100 == 0;
            long v = (long) (scaleNs * (isHeavy ? 20 : 1) * (0.5 + random.nextDouble() + (i % 50 == 7 ? 9 : 0)));
            all.recordValue(v);
            (isHeavy ? heavy : light).recordValue(v);
        }
        Histogram probe = new Histogram(3);
        for (int i = 0; i < 50; i++) {
            probe.recordValue(scaleNs / 10 + random.nextInt(1000));
        }
        Map<String, TagResult> tags = null;
        if (tagged) {
            tags = new LinkedHashMap<>();
            tags.put("heavy", new TagResult(LatencySummary.of(heavy)));
            tags.put(lightTag, new TagResult(LatencySummary.of(light)));
        }
        Map<String, Map<String, Object>> counters = new LinkedHashMap<>();
        counters.put("tasksSpawned", counter(tasks, "tasks", "tasks handed to the scheduler"));
        counters.put("idleTime", counter(12_345_678, "ns", "time parked"));
        if (scheduler.startsWith("gmp")) {
            counters.put("stolen", counter(random.nextInt(100), "gs", "goroutines stolen"));
            counters.put("p0.stolen", counter(random.nextInt(50), "gs", "goroutines stolen by P0"));
            counters.put("p1.stolen", counter(random.nextInt(50), "gs", "goroutines stolen by P1"));
        }
        double wall = scaleNs * 50.0;
        return new TrialResult(true, null, null, tasks, (long) wall, tasks / (wall / 1e9), LatencySummary.of(all),
                LatencySummary.of(all), new ProbeResult(10_000_000, LatencySummary.of(probe)),
                new MemoryResult(2048.0 + random.nextInt(512), 1L << 26, 1L << 27, (long) tasks, null, null, 100L, 512.0,
                        null, null, null, "warm-up", "test"),
                new CpuResult(1_000_000, 1.5, 1000), new ProcessResult(2, 3_000_000, 12, 100L, 50L), null, counters, tags,
                Map.of("tasksVerified", tasks));
    }

    private static Map<String, Object> counter(long value, String unit, String description) {
        return Map.of("value", value, "kind", "counter", "unit", unit, "description", description);
    }

    static RunResult cell(int index, String scheduler, String workload, Map<String, String> params, List<TrialResult> trials) {
        return new RunResult(scheduler, Map.of(), workload, params, 1000, "burst", index, List.of("-Xss1m"), trials,
                Summaries.of(trials));
    }

    /**
     * {@code workloads × schedulers} cells of three trials each; every other workload is tagged;
     * {@code failing} (a scheduler) fails every trial of the first workload.
     */
    static Results results(int workloads, List<String> schedulers, String failing) {
        SplittableRandom random = new SplittableRandom(7);
        List<RunResult> runs = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            for (int s = 0; s < schedulers.size(); s++) {
                String scheduler = schedulers.get(s);
                List<TrialResult> trials = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    trials.add(w == 0 && scheduler.equals(failing)
                            ? TrialResult.failed("trial process exited with 3 <script>alert(1)</script>", "stderr & more")
                            : trial(random, 1_000_000L * (s + 1) * (s + 1), 500, w % 2 == 1, scheduler));
                }
                runs.add(cell(runs.size(), scheduler, "work" + w, Map.of("size", Integer.toString(w)), trials));
            }
        }
        return Results.of(environment(), null, runs);
    }
}
