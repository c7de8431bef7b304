package dev.sab.reports.format;

import java.util.Locale;

/** Human renderings of nanoseconds, bytes and rates for tables. */
public final class Units {
    private Units() {
    }

    /** 850ns, 12.3µs, 4.56ms, 1.23s. */
    public static String nanos(double ns) {
        if (ns < 1_000) {
            return String.format(Locale.ROOT, "%.0fns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.3gµs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3gms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.3gs", ns / 1e9);
    }

    /** 512 B, 1.5 KiB, 3.2 MiB. */
    public static String bytes(double b) {
        if (Math.abs(b) < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (Math.abs(b) < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.3g KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.3g MiB", b / (1024 * 1024));
    }

    /** 950/s, 12.3k/s, 1.23M/s. */
    public static String rate(double perSec) {
        if (perSec < 1_000) {
            return String.format(Locale.ROOT, "%.0f/s", perSec);
        }
        if (perSec < 1_000_000) {
            return String.format(Locale.ROOT, "%.3gk/s", perSec / 1e3);
        }
        return String.format(Locale.ROOT, "%.3gM/s", perSec / 1e6);
    }
}
