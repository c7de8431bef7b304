package dev.sab.reports.html;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

import java.awt.geom.Rectangle2D;

/**
 * Draws a JFreeChart into an SVG element to be put inline into the report.
 *
 * <p>Three things make a chart fit for inlining: its definitions (clip paths) get ids of its own,
 * because every SVG element of an HTML page shares the page's id space and JFreeSVG numbers its
 * clip paths from zero in each drawing (two charts would clip each other's plots); the element has
 * a view box and no fixed size, so CSS scales it to the column it sits in; and coordinates are
 * written with two decimals, a hundredth of a pixel, which keeps a 60-cell report's charts in a
 * few megabytes without any visible difference. Namespaces that nothing in the chart uses are not
 * declared, so the only address in a chart is the SVG namespace's name (which no browser fetches). Text stays text ({@code <text>} elements), so it
 * can be selected, searched, read by screen readers, and printed sharply.
 */
final class SvgChart {
    private SvgChart() {
    }

    /**
     * The chart as an {@code <svg>} element {@code width × height} units large, with {@code id},
     * and {@code label} as its accessible name.
     */
    static String render(JFreeChart chart, int width, int height, String id, String label) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        g2.setGeomDoubleConverter(SvgChart::twoDecimals);
        g2.setTransformDoubleConverter(SvgChart::twoDecimals);
        g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
        g2.dispose();
        svg = dropUnusedNamespace(dropUnusedNamespace(svg, "xlink"), "jfreesvg");
        assert svg.startsWith("<svg ") : svg.substring(0, Math.min(40, svg.length()));
        return "<svg role=\"img\" aria-label=\"" + Html.escape(label) + "\" class=\"chart\" " + svg.substring("<svg ".length());
    }

    /**
     * {@code svg} without the declaration of namespace {@code prefix} when nothing uses it: JFreeSVG
     * declares xlink and its own namespace on every element, and the page is to name no address
     * but the SVG namespace's own.
     */
    private static String dropUnusedNamespace(String svg, String prefix) {
        if (svg.contains(" " + prefix + ":") || svg.contains("<" + prefix + ":")) {
            return svg;
        }
        return svg.replaceFirst(" xmlns:" + prefix + "='[^']*'", "").replaceFirst(" xmlns:" + prefix + "=\"[^\"]*\"", "");
    }

    /** {@code d} with at most two decimals, trailing zeros dropped, never in exponent notation. */
    static String twoDecimals(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "0";
        }
        long hundredths = Math.round(d * 100);
        StringBuilder s = new StringBuilder();
        if (hundredths < 0) {
            s.append('-');
            hundredths = -hundredths;
        }
        s.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            s.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                s.append(frac % 10);
            }
        }
        return s.toString();
    }
}
