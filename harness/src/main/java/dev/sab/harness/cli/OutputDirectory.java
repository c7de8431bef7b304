package dev.sab.harness.cli;

import dev.sab.harness.Shard;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Chooses and checks the output directory before anything runs, so an unwritable one costs nothing. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * {@code chosen}, or {@code sab-results/<name>-<timestamp>[-shard-i-of-n]}; created and checked
     * writable.
     *
     * @throws UsageError naming the directory and why it cannot be written
     */
    static Path prepare(String chosen, String experimentName, Shard shard) {
        String path = chosen;
        if (path == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            path = "sab-results/" + (experimentName == null ? "" : experimentName + "-") + stamp
                    + (shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count());
        }
        return writable(path, "--out");
    }

    /** {@code path} as a created, writable directory. */
    static Path writable(String path, String option) {
        Path dir;
        try {
            dir = Path.of(path);
        } catch (InvalidPathException e) {
            throw new UsageError("bad " + option + " '" + path + "': " + e.getReason());
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".sab-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UsageError("cannot write to " + option + " '" + path + "': " + reason(e));
        }
        return dir;
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
