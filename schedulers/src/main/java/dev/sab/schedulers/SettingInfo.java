package dev.sab.schedulers;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One setting a scheduler takes in its spec ({@code gmp:procs=2}).
 *
 * @param name         the key
 * @param type         what values are valid
 * @param defaultValue the value used when the spec leaves it out, as it would be written
 * @param description  one line for {@code sab list schedulers}
 */
public record SettingInfo(String name, Type type, String defaultValue, String description) {

    /** The kinds of value a setting takes, each with its own check and message. */
    public enum Type {
        POSITIVE_INT("a whole number ≥ 1"),
        NON_NEGATIVE_INT("a whole number ≥ 0"),
        POWER_OF_TWO("a power of two ≥ 2 (2, 4, 8, ...)"),
        ON_OFF("on or off"),
        DURATION("a duration such as 20us, 10ms or 2s"),
        TEXT("any text");

        private final String valid;

        Type(String valid) {
            this.valid = valid;
        }

        /** What a valid value looks like, for error messages. */
        public String valid() {
            return valid;
        }
    }

    public SettingInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Parses {@code raw} as this setting's type.
     *
     * @return an {@code Integer}, {@code Boolean}, {@link Duration} or {@code String}
     * @throws IllegalArgumentException naming the setting, the value and what is valid
     */
    public Object parse(String scheduler, String raw) {
        String value = raw.trim();
        try {
            return switch (type) {
                case POSITIVE_INT -> requireAtLeast(Integer.parseInt(value), 1);
                case NON_NEGATIVE_INT -> requireAtLeast(Integer.parseInt(value), 0);
                case POWER_OF_TWO -> requirePowerOfTwo(Integer.parseInt(value));
                case ON_OFF -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "on", "true", "yes" -> Boolean.TRUE;
                    case "off", "false", "no" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                case DURATION -> Durations.parse(value);
                case TEXT -> value;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value '" + raw + "' for setting '" + name + "' of scheduler '"
                    + scheduler + "': expected " + type.valid());
        }
    }

    private static Integer requirePowerOfTwo(int v) {
        if (v < 2 || Integer.bitCount(v) != 1) {
            throw new NumberFormatException();
        }
        return v;
    }

    private static Integer requireAtLeast(int v, int min) {
        if (v < min) {
            throw new NumberFormatException();
        }
        return v;
    }
}
