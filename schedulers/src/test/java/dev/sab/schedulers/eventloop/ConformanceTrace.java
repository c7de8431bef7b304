package dev.sab.schedulers.eventloop;

import dev.sab.schedulers.eventloop.conformance.Trace;

import java.nio.file.Path;

/** Makes a {@link Trace} for a scenario (its constructor is package-private to the scenarios' package). */
final class ConformanceTrace {
    private final Trace trace;

    ConformanceTrace(Path script) {
        this.trace = Trace.forScript(script);
    }

    Trace trace() {
        return trace;
    }
}
