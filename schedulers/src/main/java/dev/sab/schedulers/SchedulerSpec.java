package dev.sab.schedulers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduler spec string, {@code name[:key=value,key=value]}, parsed but not yet validated
 * against the scheduler's settings.
 *
 * @param name     the scheduler's name
 * @param settings the settings the spec gives, in the order written
 */
public record SchedulerSpec(String name, Map<String, String> settings) {

    public SchedulerSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Parses one spec.
     *
     * @throws IllegalArgumentException if it is empty or a setting is not {@code key=value}
     */
    public static SchedulerSpec parse(String spec) {
        String text = spec.trim();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty scheduler name in spec '" + spec + "'");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : text.substring(colon + 1).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("bad setting '" + pair.trim() + "' in scheduler spec '" + spec
                            + "': expected key=value");
                }
                settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new SchedulerSpec(name, settings);
    }

    /**
     * Splits a command-line value holding several specs: a comma-separated token without '=', or
     * one with a ':' before its first '=' ({@code virtual:parallelism=1}), starts a new scheduler,
     * so {@code gmp:procs=1,preempt=off,virtual} is two specs.
     */
    public static List<SchedulerSpec> parseList(String value) {
        List<String> specs = new ArrayList<>();
        StringBuilder current = null;
        for (String token : value.split(",")) {
            String t = token.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            int colon = t.indexOf(':');
            boolean startsSpec = eq < 0 || (colon >= 0 && colon < eq);
            if (current == null || startsSpec) {
                if (current != null) {
                    specs.add(current.toString());
                }
                current = new StringBuilder(t);
            } else {
                current.append(current.indexOf(":") < 0 ? ":" : ",").append(t);
            }
        }
        if (current != null) {
            specs.add(current.toString());
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("empty scheduler list '" + value + "'");
        }
        return specs.stream().map(SchedulerSpec::parse).toList();
    }

    /** The canonical spec string: name, then settings in the order given. */
    @Override
    public String toString() {
        if (settings.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append(':');
        settings.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
