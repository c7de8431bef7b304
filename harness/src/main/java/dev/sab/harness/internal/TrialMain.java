package dev.sab.harness.internal;

import dev.sab.harness.TrialRunner;
import dev.sab.harness.TrialSpec;
import dev.sab.reports.format.AtomicFiles;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.TrialResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The entry point of a forked trial process:
 * {@code TrialMain <spec.json> <result.json> <channel> <parent pid>}.
 * Reads the spec, maps the channel its parent watches, runs the trial, writes the result
 * atomically, exits 0. A crash leaves no result file, which the parent records as a failed trial.
 * When the parent dies, the trial halts: it has nobody left to report to. The parent's pid comes
 * as an argument rather than from {@code ProcessHandle.current().parent()}, because a parent that
 * dies while this JVM starts leaves it with a new parent (init), whose exit would never come.
 */
public final class TrialMain {
    /** Exit code of a trial whose parent went away. */
    private static final int ORPHANED = 3;

    private TrialMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TrialMain <spec.json> <result.json> <channel> <parent pid>");
            System.exit(2);
        }
        ProcessHandle.of(Long.parseLong(args[3])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED)),
                () -> Runtime.getRuntime().halt(ORPHANED));
        TrialSpec spec = JsonFormat.fromJson(Path.of(args[0]), TrialSpec.class);
        TrialChannel channel = TrialChannel.map(Path.of(args[2]));
        TrialResult result = TrialRunner.run(spec, channel);
        AtomicFiles.write(Path.of(args[1]), JsonFormat.toJson(result).getBytes(StandardCharsets.UTF_8));
        System.exit(0); // a scheduler's leftover non-daemon thread must not keep the trial alive
    }
}
