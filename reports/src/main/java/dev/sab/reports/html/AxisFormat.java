package dev.sab.reports.html;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick and bar labels for the charts. The datasets hold raw model values (nanoseconds, bytes,
 * tasks per second), and the axes print them the way the tables do: {@code 50ms}, {@code 1.5KiB},
 * {@code 12k/s}. Keeping the datasets in the model's units means a chart never rescales a value
 * and then mislabels it.
 *
 * <p>The percentile axis of the latency curves is special: its values are {@code 1/(1−p)}, the
 * "number of nines" scale HdrHistogram's plots use, so that 90%, 99%, 99.9% and 99.99% sit one
 * decade apart and the tail gets as much room as the body. Its labels turn {@code 1/(1−p)} back
 * into the percentile.
 */
final class AxisFormat extends NumberFormat {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final MathContext THREE_DIGITS = new MathContext(3);

    enum Kind { NANOS, BYTES, RATE, PLAIN, PERCENTILE }

    private final Kind kind;

    AxisFormat(Kind kind) {
        this.kind = kind;
    }

    /** {@code v} as the label this kind of axis shows. */
    static String label(Kind kind, double v) {
        return switch (kind) {
            case NANOS -> nanos(v);
            case BYTES -> bytes(v);
            case RATE -> scaled(v, 1000, new String[]{"/s", "k/s", "M/s", "G/s"}, "");
            case PLAIN -> scaled(v, 1000, new String[]{"", "k", "M", "G"}, "");
            case PERCENTILE -> percentile(v);
        };
    }

    /** 0, 850ns, 12.5µs, 4ms, 1.25s: three significant digits at most, no trailing zeros. */
    static String nanos(double ns) {
        if (ns == 0) {
            return "0";
        }
        double a = Math.abs(ns);
        if (a < 1e3) {
            return digits(ns) + "ns";
        }
        if (a < 1e6) {
            return digits(ns / 1e3) + "µs";
        }
        if (a < 1e9) {
            return digits(ns / 1e6) + "ms";
        }
        return digits(ns / 1e9) + "s";
    }

    /** 0, 512B, 1.5KiB, 3.25MiB. */
    static String bytes(double b) {
        return scaled(b, 1024, new String[]{"B", "KiB", "MiB", "GiB"}, "");
    }

    /**
     * The percentile that the "number of nines" value {@code x = 1/(1−p)} stands for: 1 → 0%,
     * 10 → 90%, 100 → 99%, 1000 → 99.9%; as many decimals as the tick needs.
     */
    static String percentile(double x) {
        if (x <= 1) {
            return "0%";
        }
        double p = 100 * (1 - 1 / x);
        int decimals = (int) Math.max(0, Math.ceil(Math.log10(x) - 2 - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f%%", p);
    }

    private static String scaled(double v, double step, String[] units, String zero) {
        if (v == 0) {
            return "0" + zero;
        }
        int u = 0;
        double a = v;
        while (Math.abs(a) >= step && u < units.length - 1) {
            a /= step;
            u++;
        }
        return digits(a) + units[u];
    }

    /** Three significant digits, trailing zeros stripped, never in exponent notation. */
    static String digits(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        return new BigDecimal(v).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(kind, number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(label(kind, number));
    }

    /** Labels are for reading, not for parsing back; JFreeChart never parses them. */
    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AxisFormat f && f.kind == kind;
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }
}
