package dev.sab.harness.internal;

import dev.sab.harness.TrialSpec;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.TrialResult;
import dev.sab.schedulers.CpuKernel;
import dev.sab.schedulers.Schedulers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one trial in a fresh JVM: the same JDK, sab's flags, the scheduler's own flags and the
 * user's {@code --jvm-arg}s, with this JVM's CPU-unit calibration passed down so every trial burns
 * the same work per unit. The child's stdout and stderr go to a file; its tail is kept when the
 * trial fails.
 */
public final class ForkedTrial {
    /** Flags every sab JVM needs; the launcher and the jar manifest carry the same ones. */
    public static final List<String> SAB_JVM_FLAGS = List.of(
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");
    private static final int STDERR_TAIL_CHARS = 4000;
    private static final long GRACE_MILLIS = 30_000; // JVM start-up, warm-up and shutdown beyond the trial's own timeout

    private ForkedTrial() {
    }

    /** The command line that runs {@code spec} in a child JVM writing to {@code resultFile}. */
    public static List<String> command(TrialSpec spec, List<String> userJvmArgs, Path specFile, Path resultFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SAB_JVM_FLAGS);
        cmd.add("-D" + CpuKernel.ITERATIONS_PROPERTY + "=" + CpuKernel.calibration().iterationsPerUnit());
        cmd.addAll(Schedulers.jvmArgs(spec.scheduler()));
        cmd.addAll(userJvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrialMain.class.getName());
        cmd.add(specFile.toString());
        cmd.add(resultFile.toString());
        return cmd;
    }

    /** Runs {@code spec} in a child JVM; every failure (crash, timeout, bad exit) becomes a failed result. */
    public static TrialResult run(TrialSpec spec, List<String> userJvmArgs) throws InterruptedException {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("sab-fork-");
            Path specFile = dir.resolve("spec.json");
            Path resultFile = dir.resolve("result.json");
            Path output = dir.resolve("output.txt");
            Files.writeString(specFile, JsonFormat.toJson(spec));
            process = new ProcessBuilder(command(spec, userJvmArgs, specFile, resultFile))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(spec.timeoutMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return TrialResult.failed("trial process ran past its timeout (" + spec.timeoutMillis() + " ms) and was killed",
                        tail(output));
            }
            int exit = process.exitValue();
            if (exit != 0 || !Files.exists(resultFile)) {
                return TrialResult.failed("trial process exited with code " + exit + " and no result", tail(output));
            }
            TrialResult result = JsonFormat.fromJson(resultFile, TrialResult.class);
            return result.ok() ? result : withTail(result, tail(output));
        } catch (IOException e) {
            return TrialResult.failed("could not run the trial process: " + e.getMessage(), null);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(dir);
        }
    }

    private static TrialResult withTail(TrialResult r, String tail) {
        return new TrialResult(r.ok(), r.error(), tail, r.tasks(), r.wallNanos(), r.throughputPerSec(), r.latencyNs(),
                r.memory(), r.cpu(), r.scheduler(), r.tags(), r.workload());
    }

    private static String tail(Path output) {
        try {
            String s = Files.readString(output, StandardCharsets.UTF_8);
            return s.length() <= STDERR_TAIL_CHARS ? s : s.substring(s.length() - STDERR_TAIL_CHARS);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temp files; nothing depends on them
        }
    }
}
