package dev.sab.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each scheduler looks, the same in every chart of a report: a colour, a marker shape and a
 * line dash, so a series can be told apart by any one of the three (in colour, in a grey-scale
 * print-out, by a reader who cannot tell red from green).
 *
 * <p>The colours are Okabe and Ito's eight (Color Universal Design, 2008), the set designed to stay
 * distinct under the common forms of colour blindness, in an order that puts the ones with the
 * most contrast on white first; yellow, which is faint on white, comes last. A ninth scheduler gets
 * the first colour again with the next shape and dash, so no two series ever share all three.
 *
 * <p>Statistics (p50 against p99, resident against heap) are shown in bar charts whose categories
 * are already labelled with the scheduler, so they need no hue of their own: they are told apart
 * by lightness ({@link #ramp}), which every form of colour vision and every printer keeps, and
 * every bar carries its value as a label.
 */
final class Palette {

    /** Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow. */
    private static final Color[] COLOURS = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    /** Dashes, in device units: solid, dashed, dotted, dash-dot, long dash, dense dots. */
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}, {14f, 4f}, {1f, 2f}};

    private static final double MARK = 7; // marker size in device units

    /** Dark to light: the key statistic (p99, the most numerous tag) gets the darkest bar. */
    private static final Color[] RAMP = {new Color(0x08306B), new Color(0x2171B5), new Color(0x6BAED6),
            new Color(0xC6DBEF), new Color(0xDEEBF7)};

    /** The look of one series. */
    record Style(Color colour, Shape marker, Stroke line, String markerName) {
        /** The colour as CSS wants it. */
        String css() {
            return String.format(Locale.ROOT, "#%06X", colour.getRGB() & 0xFFFFFF);
        }

        /** The marker as a character, for legends in text: ●, ■, ▲, ◆, ▼ or ✚. */
        String glyph() {
            return switch (markerName) {
                case "circle" -> "●";
                case "square" -> "■";
                case "triangle" -> "▲";
                case "diamond" -> "◆";
                case "down-triangle" -> "▼";
                default -> "✚";
            };
        }

        /** The scheduler's name preceded by its marker in its colour, as HTML. */
        String swatch(String name) {
            return "<span class=\"sw\" style=\"color:" + css() + "\" aria-hidden=\"true\">" + glyph() + "</span>"
                    + Html.escape(name);
        }
    }

    private final Map<String, Style> styles = new LinkedHashMap<>();

    /** Styles for {@code names}, in order: the first gets the first colour, shape and dash. */
    Palette(List<String> names) {
        for (String name : names) {
            if (!styles.containsKey(name)) {
                styles.put(name, style(styles.size()));
            }
        }
    }

    /** The style of {@code name}; a name not given at construction gets the next free style. */
    Style of(String name) {
        return styles.computeIfAbsent(name, n -> style(styles.size()));
    }

    /**
     * {@code n} fills from dark to light for the statistics of a bar chart, the first the darkest.
     * More than five repeat the lightest, which never happens with the charts this report draws
     * (at most three statistics; tags beyond four are shown in tables only).
     */
    static Color[] ramp(int n) {
        Color[] out = new Color[n];
        int[] pick = switch (n) {
            case 1 -> new int[]{1};
            case 2 -> new int[]{0, 2};
            case 3 -> new int[]{0, 1, 3};
            default -> new int[]{0, 1, 2, 3, 4};
        };
        for (int i = 0; i < n; i++) {
            out[i] = RAMP[pick[Math.min(i, pick.length - 1)]];
        }
        return out;
    }

    /** Style i: colour i mod 8, shape and dash chosen so that (colour, shape, dash) never repeats. */
    private static Style style(int i) {
        Color colour = COLOURS[i % COLOURS.length];
        int round = i / COLOURS.length;
        int shape = (i + round) % SHAPES;
        float[] dash = DASHES[(i + 2 * round) % DASHES.length];
        Stroke line = dash == null
                ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
        return new Style(colour, shape(shape), line, SHAPE_NAMES[shape]);
    }

    private static final int SHAPES = 6;
    private static final String[] SHAPE_NAMES = {"circle", "square", "triangle", "diamond", "down-triangle", "cross"};

    private static Shape shape(int i) {
        double s = MARK;
        double h = s / 2;
        return switch (i) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2 -> polygon(0, -h * 1.1, h * 1.1, h * 0.9, -h * 1.1, h * 0.9);
            case 3 -> polygon(0, -h * 1.2, h * 1.2, 0, 0, h * 1.2, -h * 1.2, 0);
            case 4 -> polygon(-h * 1.1, -h * 0.9, h * 1.1, -h * 0.9, 0, h * 1.1);
            default -> {
                double t = s / 6;
                yield polygon(-t, -h, t, -h, t, -t, h, -t, h, t, t, t, t, h, -t, h, -t, t, -h, t, -h, -t, -t, -t);
            }
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
