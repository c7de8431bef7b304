package dev.sab.harness.internal;

import dev.sab.harness.TrialRunner;
import dev.sab.harness.TrialSpec;
import dev.sab.reports.format.AtomicFiles;
import dev.sab.reports.format.JsonFormat;
import dev.sab.reports.model.TrialResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The entry point of a forked trial process: {@code TrialMain <spec.json> <result.json>}. Reads the
 * spec, runs the trial, writes the result atomically, exits 0. A crash leaves no result file, which
 * the parent records as a failed trial.
 */
public final class TrialMain {
    private TrialMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TrialMain <spec.json> <result.json>");
            System.exit(2);
        }
        TrialSpec spec = JsonFormat.fromJson(Path.of(args[0]), TrialSpec.class);
        TrialResult result = TrialRunner.run(spec);
        AtomicFiles.write(Path.of(args[1]), JsonFormat.toJson(result).getBytes(StandardCharsets.UTF_8));
        System.exit(0); // a scheduler's leftover non-daemon thread must not keep the trial alive
    }
}
