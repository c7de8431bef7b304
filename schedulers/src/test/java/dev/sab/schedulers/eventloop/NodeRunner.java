package dev.sab.schedulers.eventloop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and runs the real {@code node}, for the conformance suite. */
final class NodeRunner {
    private NodeRunner() {
    }

    /** The node executable on the PATH, or null. */
    static String find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Runs {@code script} under node and returns what it printed on standard output, line by line. */
    static List<String> run(String node, Path script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sab-node-", ".out");
        try {
            Process p = new ProcessBuilder(node, script.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + script.getFileName() + " did not finish in 30 s");
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
