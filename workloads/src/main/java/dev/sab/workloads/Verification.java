package dev.sab.workloads;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload's verdict on its own trial.
 *
 * @param ok      whether the result is right
 * @param message why not, or a short note when it is
 * @param metrics what the workload measured about its result (lostUpdates, bytesVerified, ...)
 */
public record Verification(boolean ok, String message, Map<String, Number> metrics) {

    public Verification {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static Verification passed(Map<String, Number> metrics) {
        return new Verification(true, "ok", metrics);
    }

    public static Verification failed(String message, Map<String, Number> metrics) {
        return new Verification(false, message, metrics);
    }

    /** This verdict, or {@code next} if this one passed: the first failure wins, metrics merge. */
    public Verification and(Verification next) {
        Map<String, Number> merged = new LinkedHashMap<>(metrics);
        merged.putAll(next.metrics);
        return ok ? new Verification(next.ok, next.message, merged) : new Verification(false, message, merged);
    }
}
