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
 * user's ({@code --heap}, {@code --jvm-arg}), with this JVM's CPU-unit calibration passed down so
 * every trial burns the same work per unit. The child's stdout and stderr go to a file whose tail
 * is kept when the trial fails; the child's memory is watched from here through a
 * {@link TrialChannel} mapped by both processes ({@link MemoryMonitor}).
 *
 * <p>Every way a child can go wrong becomes a failed result: it cannot start, crashes, is killed,
 * exits non-zero, writes no result, or runs past its timeout (then it is killed). {@link #cancel}
 * (Ctrl-C on the parent) kills it too. A child whose parent dies halts itself (see
 * {@link TrialMain}), so no trial outlives the run that started it.
 */
public final class ForkedTrial {
    /** Flags every sab JVM needs; the launcher and the jar manifest carry the same ones. */
    public static final List<String> SAB_JVM_FLAGS = List.of(
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");
    private static final int OUTPUT_TAIL_CHARS = 16_000;
    private static final long DUMP_WAIT_MILLIS = 1_000;
    /** JVM start-up and shutdown beyond the trial's own timeout, which the child counts from its start. */
    private static final long GRACE_MILLIS = 10_000;

    private final TrialSpec spec;
    private final List<String> userJvmArgs;
    private volatile Process process;
    private volatile boolean cancelled;

    public ForkedTrial(TrialSpec spec, List<String> userJvmArgs) {
        this.spec = spec;
        this.userJvmArgs = List.copyOf(userJvmArgs);
    }

    /**
     * System property naming a class-data archive for trial JVMs (the launcher sets it to a file
     * beside the jar). With it, each trial JVM maps the classes an earlier trial loaded instead of
     * loading them again (JDK 19+'s auto-created dynamic CDS archive): a trial starts in about
     * 1.4 s instead of 2.4 s on a busy 2-core machine. Start-up is never measured, so results do
     * not change; a stale or mismatched archive is ignored and rewritten by the JVM itself.
     */
    public static final String CLASS_DATA_ARCHIVE_PROPERTY = "sab.trial.classDataArchive";

    /** The flags a child JVM for {@code scheduler} is started with, in order; the user's come last and win. */
    public static List<String> jvmFlags(String scheduler, List<String> userJvmArgs) {
        List<String> flags = new ArrayList<>(SAB_JVM_FLAGS);
        String archive = System.getProperty(CLASS_DATA_ARCHIVE_PROPERTY);
        if (archive != null && !archive.isBlank()) {
            flags.add("-XX:+AutoCreateSharedArchive");
            flags.add("-XX:SharedArchiveFile=" + archive);
        }
        flags.add("-D" + CpuKernel.ITERATIONS_PROPERTY + "=" + CpuKernel.calibration().iterationsPerUnit());
        flags.addAll(Schedulers.jvmArgs(scheduler));
        flags.addAll(userJvmArgs);
        return flags;
    }

    /** The command line that runs {@code spec} in a child JVM. */
    List<String> command(Path specFile, Path resultFile, Path channelFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags(spec.scheduler(), userJvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TrialMain.class.getName());
        cmd.add(specFile.toString());
        cmd.add(resultFile.toString());
        cmd.add(channelFile.toString());
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        return cmd;
    }

    /** Runs the trial in a child JVM and returns its result; never throws for anything the child does. */
    public TrialResult run() throws InterruptedException {
        Path dir = null;
        MemoryMonitor monitor = null;
        Process child = null;
        try {
            dir = Files.createTempDirectory("sab-fork-");
            Path specFile = dir.resolve("spec.json");
            Path resultFile = dir.resolve("result.json");
            Path channelFile = dir.resolve("channel");
            Path output = dir.resolve("output.txt");
            Files.writeString(specFile, JsonFormat.toJson(spec));
            TrialChannel channel = TrialChannel.map(channelFile);
            synchronized (this) {
                if (cancelled) {
                    return TrialResult.failed("cancelled before it started", null);
                }
                child = new ProcessBuilder(command(specFile, resultFile, channelFile))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                process = child;
            }
            monitor = MemoryMonitor.start(child.pid(), channel);
            if (!child.waitFor(spec.timeoutMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                dumpThreads(child);
                kill(child);
                return TrialResult.failed("trial process ran past its timeout (" + spec.timeoutMillis() + " ms) and was killed; "
                        + "its threads at that moment end its output", tail(output));
            }
            int exit = child.exitValue();
            if (cancelled) {
                return TrialResult.failed("cancelled (the run was stopped)", tail(output));
            }
            if (exit != 0 || !Files.exists(resultFile)) {
                String how = exit > 128 ? " (killed by signal " + (exit - 128) + ")" : "";
                return TrialResult.failed("trial process exited with code " + exit + how + " and no result", tail(output));
            }
            TrialResult result = JsonFormat.fromJson(resultFile, TrialResult.class);
            result = result.withMemory(monitor.finish(result.memory()));
            return result.ok() ? result : result.withStderrTail(tail(output));
        } catch (IOException e) {
            return TrialResult.failed("could not run the trial process: " + e.getMessage(), null);
        } finally {
            if (monitor != null) {
                monitor.close();
            }
            if (child != null && child.isAlive()) {
                kill(child);
            }
            deleteQuietly(dir);
        }
    }

    /** Ends the child, if one runs; the trial is recorded as cancelled. Any thread. */
    public void cancel() {
        Process p;
        synchronized (this) {
            cancelled = true;
            p = process;
        }
        if (p != null) {
            kill(p);
        }
    }

    /**
     * Asks a child that overran its timeout for a thread dump (SIGQUIT: the JVM prints every
     * thread's stack to its stdout, which is the trial's output file), so the failure says where
     * it was stuck.
     */
    private static void dumpThreads(Process p) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start();
            kill.waitFor(5, TimeUnit.SECONDS);
            p.waitFor(DUMP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // no kill command: the failure goes without the dump
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path output) {
        try {
            String s = Files.readString(output, StandardCharsets.UTF_8);
            return s.length() <= OUTPUT_TAIL_CHARS ? s : s.substring(s.length() - OUTPUT_TAIL_CHARS);
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
