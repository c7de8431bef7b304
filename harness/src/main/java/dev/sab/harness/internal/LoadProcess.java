package dev.sab.harness.internal;

import dev.sab.workloads.load.LoadReport;
import dev.sab.workloads.load.LoadSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sab load} in a JVM of its own, so that the server under test does not share its
 * scheduler, its heap or its JIT with its clients: the same JDK and class path as this JVM, the
 * load command's own arguments from the {@link LoadSpec}, and the report read back from a file.
 */
public final class LoadProcess {
    private static final String MAIN = "dev.sab.harness.cli.SabCommand";
    private static final long GRACE_MILLIS = 30_000; // JVM start-up and exit beyond the generator's own bound
    private static final int OUTPUT_TAIL_CHARS = 4000;

    private LoadProcess() {
    }

    /** The command line that runs {@code spec} and writes its report to {@code reportFile}. */
    public static List<String> command(LoadSpec spec, Path reportFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.add("load");
        cmd.addAll(spec.toArgs());
        cmd.add("--report");
        cmd.add(reportFile.toString());
        cmd.add("--quiet");
        return cmd;
    }

    /**
     * Runs the generator to its end and returns its report.
     *
     * @throws IOException naming what went wrong, with the end of the generator's output, when it
     *                     could not start, ran past its bound, or wrote no report
     */
    public static LoadReport run(LoadSpec spec) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sab-load-");
        Path reportFile = dir.resolve("report.properties");
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command(spec, reportFile))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            long bound = spec.duration().plus(spec.timeout()).toMillis() + GRACE_MILLIS;
            if (!process.waitFor(bound, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException("sab load ran past " + bound + " ms and was killed; its output ends: " + tail(output));
            }
            if (!Files.exists(reportFile)) {
                throw new IOException("sab load exited with code " + process.exitValue() + " and no report; its output ends: "
                        + tail(output));
            }
            return LoadReport.read(reportFile);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(reportFile);
            Files.deleteIfExists(output);
            Files.deleteIfExists(dir);
        }
    }

    private static String tail(Path output) {
        try {
            String s = Files.readString(output, StandardCharsets.UTF_8);
            return s.length() <= OUTPUT_TAIL_CHARS ? s : s.substring(s.length() - OUTPUT_TAIL_CHARS);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
