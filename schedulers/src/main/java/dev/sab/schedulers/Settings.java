package dev.sab.schedulers;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scheduler's settings after validation: every declared setting has a value, from the spec or
 * its default. Immutable.
 */
public final class Settings {
    private final String scheduler;
    private final Map<String, Object> values;
    private final Map<String, String> written;

    Settings(String scheduler, Map<String, Object> values, Map<String, String> written) {
        this.scheduler = scheduler;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    public int intValue(String name) {
        return (Integer) require(name);
    }

    public boolean onOff(String name) {
        return (Boolean) require(name);
    }

    public Duration duration(String name) {
        return (Duration) require(name);
    }

    public String text(String name) {
        return require(name).toString();
    }

    /** Every setting in force, as written ("procs" → "2"), for results and reports. */
    public Map<String, String> asWritten() {
        return written;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("scheduler '" + scheduler + "' has no setting '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return written.toString();
    }
}
