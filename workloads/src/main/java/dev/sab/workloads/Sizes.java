package dev.sab.workloads;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: {@code 512}, {@code 4KiB}, {@code 1MiB}, {@code 2kb}. */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kib|kb|k|mib|mb|m|gib|gb|g)?");

    private Sizes() {
    }

    /** Parses a byte count; binary and decimal suffixes both mean powers of 1024, as memory sizes do. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> Math.multiplyExact(n, 1024L);
            case 'm' -> Math.multiplyExact(n, 1024L * 1024);
            case 'g' -> Math.multiplyExact(n, 1024L * 1024 * 1024);
            default -> n;
        };
    }

    /** The shortest exact rendering with a binary suffix. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "GiB";
        }
        if (bytes != 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        if (bytes != 0 && bytes % 1024 == 0) {
            return bytes / 1024 + "KiB";
        }
        return Long.toString(bytes);
    }
}
