package dev.sab.workloads;

import dev.sab.schedulers.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter a workload takes with {@code -p key=value}: its type, default, unit and valid range.
 *
 * @param name         the key
 * @param type         the kind of value
 * @param defaultValue the value when none is given, as it would be written
 * @param unit         the unit shown in listings ("ms", "bytes", "units of ~1 µs", "")
 * @param description  one line
 * @param min          the smallest valid number (durations in ns, sizes in bytes), or null
 * @param max          the largest valid number, or null
 * @param choices      the valid values of a {@link Type#CHOICE}, else empty
 */
public record ParamInfo(String name, Type type, String defaultValue, String unit, String description,
                        Double min, Double max, List<String> choices) {

    public enum Type { INT, LONG, RATIO, DURATION, SIZE, CHOICE }

    public ParamInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
    }

    public static ParamInfo integer(String name, long defaultValue, long min, long max, String unit, String description) {
        return new ParamInfo(name, Type.LONG, Long.toString(defaultValue), unit, description, (double) min, (double) max, List.of());
    }

    public static ParamInfo ratio(String name, double defaultValue, String description) {
        return new ParamInfo(name, Type.RATIO, Double.toString(defaultValue), "fraction", description, 0.0, 1.0, List.of());
    }

    public static ParamInfo duration(String name, String defaultValue, Duration min, Duration max, String description) {
        return new ParamInfo(name, Type.DURATION, defaultValue, "duration", description,
                (double) min.toNanos(), (double) max.toNanos(), List.of());
    }

    public static ParamInfo size(String name, String defaultValue, long minBytes, long maxBytes, String description) {
        return new ParamInfo(name, Type.SIZE, defaultValue, "bytes", description, (double) minBytes, (double) maxBytes, List.of());
    }

    public static ParamInfo choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamInfo(name, Type.CHOICE, defaultValue, "", description, null, null, choices);
    }

    /** What a valid value looks like, for messages and listings. */
    public String valid() {
        return switch (type) {
            case INT, LONG -> "a whole number from " + fmt(min) + " to " + fmt(max);
            case RATIO -> "a number from 0 to 1";
            case DURATION -> "a duration from " + Durations.format(Duration.ofNanos(min.longValue())) + " to "
                    + Durations.format(Duration.ofNanos(max.longValue())) + " such as 10ms or 2s";
            case SIZE -> "a size from " + Sizes.format(min.longValue()) + " to " + Sizes.format(max.longValue())
                    + " such as 512, 4KiB or 1MiB";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    /**
     * Parses and checks {@code raw}.
     *
     * @return a {@code Long}, {@code Double}, {@link Duration}, {@code Long} (bytes) or {@code String}
     * @throws IllegalArgumentException naming the parameter, the value and what is valid
     */
    public Object parse(String workload, String raw) {
        String text = raw.trim();
        try {
            Object value = switch (type) {
                case INT, LONG -> Long.parseLong(text.replace("_", ""));
                case RATIO -> Double.parseDouble(text);
                case DURATION -> Durations.parse(text);
                case SIZE -> Sizes.parse(text);
                case CHOICE -> text.toLowerCase(Locale.ROOT);
            };
            double n = switch (value) {
                case Long l -> l;
                case Double d -> d;
                case Duration d -> d.toNanos();
                default -> Double.NaN;
            };
            if (type == Type.CHOICE ? !choices.contains(value) : (Double.isNaN(n) || (min != null && n < min) || (max != null && n > max))) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value '" + raw + "' for parameter '" + name + "' of workload '" + workload
                    + "': expected " + valid());
        }
    }

    private static String fmt(Double d) {
        return d == null ? "?" : (d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString());
    }
}
