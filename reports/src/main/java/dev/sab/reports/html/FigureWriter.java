package dev.sab.reports.html;

import org.jfree.chart.JFreeChart;

import java.awt.AWTError;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes figures: a caption, the chart as inline SVG, a note on how to read it.
 *
 * <p>Drawing text needs the JDK's font machinery, which on a stripped-down machine (a container
 * without fontconfig or a single font) fails with an error rather than an exception. The writer
 * finds that out once, by drawing a small chart before any figure, and then writes every figure as
 * a visible notice that names the cause; the tables, which hold every number the charts show,
 * are written all the same. A chart that fails for any other reason is reported in its own place
 * in the same way, so a report is never lost for the sake of one picture.
 */
final class FigureWriter {
    private final Palette palette;
    private final String unavailable;
    private int figures;

    FigureWriter(Palette palette) {
        this(palette, probe());
    }

    /** A writer that draws no chart, for {@code unavailable}; also how tests see the page a machine without fonts gets. */
    FigureWriter(Palette palette, String unavailable) {
        this.palette = palette;
        this.unavailable = unavailable;
    }

    Palette palette() {
        return palette;
    }

    /** Why no chart can be drawn on this machine, or null when charts work. */
    String unavailable() {
        return unavailable;
    }

    /** Figures written so far. */
    int count() {
        return figures;
    }

    /**
     * A {@code <figure>} whose {@code data-figure} attribute is {@code kind}, numbered
     * {@code number}, with {@code caption}, the chart drawn {@code height} units tall, and
     * {@code note} (HTML of this package's making) under it.
     */
    String figure(String kind, String number, String caption, Supplier<JFreeChart> chart, int height, String note) {
        figures++;
        String id = "fig-" + number.replace('.', '-');
        StringBuilder f = new StringBuilder();
        f.append("<figure class=\"fig\" id=\"").append(id).append("\" data-figure=\"").append(Html.escape(kind))
                .append("\"><figcaption><span class=\"fignum\">Figure ").append(Html.escape(number)).append("</span> ")
                .append(Html.escape(caption)).append("</figcaption>");
        if (unavailable != null) {
            f.append("<p class=\"nochart\">Chart not drawn: ").append(Html.escape(unavailable))
                    .append(". Its numbers are in the tables of this section.</p>");
        } else {
            try {
                f.append(SvgChart.render(chart.get(), Figures.WIDTH, height, id + "-svg", caption));
            } catch (RuntimeException e) {
                f.append("<p class=\"nochart\">Chart not drawn: ").append(Html.escape(e.toString()))
                        .append(". Its numbers are in the tables of this section.</p>");
            }
        }
        if (note != null && !note.isEmpty()) {
            f.append("<p class=\"note\">").append(note).append("</p>");
        }
        return f.append("</figure>\n").toString();
    }

    /** Draws a small chart; returns why that failed, or null. */
    private static String probe() {
        try {
            SvgChart.render(Figures.bars(List.of("a"), List.of("b"), new double[][]{{1}}, AxisFormat.Kind.PLAIN, "c",
                    false),
                    100, 100, "probe", "probe");
            return null;
        } catch (RuntimeException | LinkageError | InternalError | AWTError e) {
            return "the JDK could not draw text on this machine (" + e + "); installing fontconfig and a font "
                    + "(Debian: apt-get install fontconfig fonts-dejavu-core) makes charts work";
        }
    }
}
