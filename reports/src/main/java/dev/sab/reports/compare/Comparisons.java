package dev.sab.reports.compare;

import dev.sab.reports.model.Environment;
import dev.sab.reports.model.Results;
import dev.sab.reports.model.RunResult;
import dev.sab.reports.model.TrialResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares two results cell by cell.
 *
 * <p>Cells are matched by {@link CellId}: scheduler spec, workload, parameters, task count and
 * arrival mode. For each matched cell and each {@link Metric}, every ok trial's value is read on
 * both sides, and the change is judged by two conditions, both needed for it to be reported:
 * <ol>
 *   <li>the medians differ by at least the threshold (in percent of A), so that changes too small
 *       to matter are not reported however consistent they are; and</li>
 *   <li>the change is beyond the noise: every trial of B lies beyond every trial of A, in the same
 *       direction (their ranges do not overlap). With three trials a side, ranges that do not
 *       overlap by chance alone happen one time in ten, the same odds as the most extreme outcome
 *       of a Mann–Whitney rank test on three against three; with more trials, the odds fall fast
 *       (one in 35 with four a side, one in 126 with five).</li>
 * </ol>
 * With fewer than {@value #MIN_TRIALS} trials on a side the spread says too little: with one there
 * is none, and with two a side the ranges miss each other by chance one time in three. A change
 * beyond the threshold is then reported as {@link Verdict#UNCERTAIN}, and the cell says why.
 *
 * <p>Rejected: a t-test on three values (latency is far from normal, and three values give it
 * nothing to stand on); a fixed threshold alone (a 10% change in a p99 that moves by 40% between
 * trials is noise, and a 3% change in throughput that never overlaps may be real).
 */
public final class Comparisons {
    /** Trials a side needs before a change can be told from noise (see the class documentation). */
    public static final int MIN_TRIALS = 3;

    private Comparisons() {
    }

    /**
     * Compares {@code b} against {@code a}.
     *
     * @param thresholdPercent the smallest change reported, in percent of A's median; must be positive
     */
    public static Comparison compare(Results a, String pathA, Results b, String pathB, double thresholdPercent) {
        if (!(thresholdPercent > 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("the threshold must be a positive percentage, got " + thresholdPercent);
        }
        Map<CellId, RunResult> cellsA = cells(a);
        Map<CellId, RunResult> cellsB = cells(b);
        List<CellComparison> both = new ArrayList<>();
        List<CellId> onlyA = new ArrayList<>();
        for (Map.Entry<CellId, RunResult> e : cellsA.entrySet()) {
            RunResult other = cellsB.get(e.getKey());
            if (other == null) {
                onlyA.add(e.getKey());
            } else {
                both.add(compare(e.getKey(), e.getValue(), other, thresholdPercent / 100));
            }
        }
        List<CellId> onlyB = cellsB.keySet().stream().filter(id -> !cellsA.containsKey(id)).toList();
        return new Comparison(source(a, pathA), source(b, pathB), thresholdPercent, both, onlyA, onlyB,
                environmentDifferences(a.environment(), b.environment()));
    }

    private static CellComparison compare(CellId id, RunResult a, RunResult b, double threshold) {
        List<TrialResult> okA = a.trials().stream().filter(TrialResult::ok).toList();
        List<TrialResult> okB = b.trials().stream().filter(TrialResult::ok).toList();
        List<Change> changes = new ArrayList<>();
        for (Metric m : Metric.values()) {
            changes.add(change(m, values(okA, m), values(okB, m), threshold));
        }
        String note = null;
        if (okA.isEmpty() || okB.isEmpty()) {
            note = "no ok trial in " + (okA.isEmpty() && okB.isEmpty() ? "either" : okA.isEmpty() ? "A" : "B");
        } else if (okA.size() == 1 || okB.size() == 1) {
            note = "one trial in " + (okA.size() == 1 && okB.size() == 1 ? "each" : okA.size() == 1 ? "A" : "B")
                    + ": the noise is unknown";
        } else if (okA.size() < MIN_TRIALS || okB.size() < MIN_TRIALS) {
            note = "only " + Math.min(okA.size(), okB.size()) + " trials in " + (okA.size() < MIN_TRIALS && okB.size() < MIN_TRIALS
                    ? "each" : okA.size() < MIN_TRIALS ? "A" : "B") + ": too few to tell a change from noise ("
                    + MIN_TRIALS + " a side are needed)";
        }
        return new CellComparison(id.scheduler(), id.workload(), id.params(), id.tasks(), id.arrival(), okA.size(),
                okB.size(), changes, note);
    }

    /** The change of one metric, judged as the class documentation says. */
    static Change change(Metric metric, Spread a, Spread b, double threshold) {
        if (a == null || b == null) {
            return new Change(metric, a, b, null, Verdict.MISSING);
        }
        if (a.median() == 0) {
            return new Change(metric, a, b, null, b.median() == 0 ? Verdict.WITHIN_NOISE : Verdict.UNCERTAIN);
        }
        double ratio = b.median() / a.median();
        boolean large = Math.abs(ratio - 1) >= threshold;
        Verdict verdict;
        if (!large) {
            verdict = Verdict.WITHIN_NOISE;
        } else if (a.trials() < MIN_TRIALS || b.trials() < MIN_TRIALS) {
            verdict = Verdict.UNCERTAIN;
        } else if (!b.disjointFrom(a)) {
            verdict = Verdict.WITHIN_NOISE;
        } else {
            verdict = (ratio > 1) == metric.higherIsBetter() ? Verdict.BETTER : Verdict.WORSE;
        }
        return new Change(metric, a, b, ratio, verdict);
    }

    private static Spread values(List<TrialResult> ok, Metric m) {
        return Spread.of(ok.stream().map(m::of).filter(Objects::nonNull).toList());
    }

    private static Map<CellId, RunResult> cells(Results r) {
        Map<CellId, RunResult> out = new LinkedHashMap<>();
        for (RunResult run : r.runs()) {
            out.merge(CellId.of(run), run, (was, more) -> { // one results file holds a cell once; be safe anyway
                List<TrialResult> trials = new ArrayList<>(was.trials());
                trials.addAll(more.trials());
                return was.withTrials(trials);
            });
        }
        return out;
    }

    private static Comparison.Source source(Results r, String path) {
        Environment env = r.environment();
        return env == null ? new Comparison.Source(path, null, null, null, null)
                : new Comparison.Source(path, env.commandLine(), env.startTime(), env.hostname(), env.gitCommit());
    }

    /** What differs between the two runs' environments that could explain a difference in their numbers. */
    static List<String> environmentDifferences(Environment a, Environment b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null) {
            if (a != b) {
                out.add("environment: recorded in " + (a == null ? "B" : "A") + " only");
            }
            return out;
        }
        differ(out, "host", a, b, Environment::hostname);
        differ(out, "CPU", a, b, Environment::cpuModel);
        differ(out, "cores", a, b, Environment::cores);
        differ(out, "memory", a, b, Environment::memoryBytes);
        differ(out, "JDK", a, b, e -> e.jdkVendor() + " " + e.jdkVersion());
        differ(out, "OS", a, b, e -> e.os() + " " + e.kernel());
        differ(out, "sab", a, b, e -> e.sabVersion() + (e.gitCommit() == null ? "" : " at " + e.gitCommit()));
        for (String key : List.of("trials", "warmup", "fork", "heap", "seed")) {
            differ(out, key, a, b, e -> e.settings().get(key));
        }
        return out;
    }

    private static void differ(List<String> out, String what, Environment a, Environment b,
                               Function<Environment, Object> f) {
        Object va = f.apply(a);
        Object vb = f.apply(b);
        if (!Objects.equals(va, vb)) {
            out.add(what + ": " + va + " → " + vb);
        }
    }
}
