package dev.sab.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real browser, run headless on a file: Debian's {@code chromium}, found at /usr/bin/chromium or
 * on the PATH. Every run gets a fresh profile directory and no network, sync, component updates
 * or first-run pages, so it touches nothing outside its temporary directory.
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or null when there is none on this machine. */
    static HeadlessChromium find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new).orElse(null);
    }

    /**
     * What the browser printed and how it ended.
     *
     * @param exit   its exit code
     * @param stdout its standard output (the DOM, with {@code --dump-dom})
     * @param stderr its log
     */
    record Outcome(int exit, String stdout, String stderr) {
    }

    /** Loads {@code page} with {@code action} ({@code --dump-dom}, {@code --screenshot=...}), a fresh profile under {@code work}. */
    Outcome run(Path page, Path work, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = work.resolve("stdout-" + System.nanoTime());
        Path err = work.resolve("stderr-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
                // nothing the page asks for may come from the network: every host name resolves to nothing
                "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The lines of a browser log that report a problem with the page itself: a console error, a
     * resource that failed to load, a blocked request. Chromium also logs complaints about the
     * machine (no D-Bus, no GPU) that say nothing about the page; those are left out.
     */
    static List<String> pageErrors(String log) {
        return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("net::ERR")
                || l.contains("Failed to load") || l.contains("Refused to") || l.contains("Not allowed to load")).toList();
    }
}
