package dev.sab.schedulers.eventloop.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario prints: the Java twin's {@code console.log}. Thread-safe (a watchdog or a worker
 * may log), though every scenario logs from one loop thread so its order is the loop's order.
 */
public final class Trace {
    private final List<String> lines = new ArrayList<>();
    private final Path script;

    private Trace(Path script) {
        this.script = script;
    }

    /** A trace for the scenario whose JavaScript twin is {@code script}. */
    public static Trace forScript(Path script) {
        return new Trace(script);
    }

    public synchronized void log(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The scenario's JavaScript twin: a real file, for the scenarios that read one. */
    public Path script() {
        return script;
    }

    /** Burns the loop thread for {@code ms}, as the twins' {@code while (Date.now() < until)} does. */
    public static void spin(long ms) {
        long until = System.nanoTime() + ms * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
