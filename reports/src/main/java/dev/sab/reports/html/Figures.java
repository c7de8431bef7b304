package dev.sab.reports.html;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The charts of the report, as JFreeChart objects; {@link SvgChart} draws them. Every chart's data
 * is in the model's units (nanoseconds, bytes, tasks per second) and {@link AxisFormat} labels it.
 *
 * <p>Bar charts are horizontal: scheduler specs are long ({@code eventloop:workers=2}) and read
 * best on the left, and a value label fits at the end of each bar. A value axis switches to a
 * logarithmic scale when the largest bar is more than {@value #LOG_SPREAD} times the smallest, as
 * it often is when an event loop and a thread pool are compared: on a linear axis the fast
 * schedulers' bars would vanish. The axis says so in its label.
 */
final class Figures {
    static final int WIDTH = 640;
    static final int CURVE_HEIGHT = 380;

    /** Above this ratio of largest to smallest value, a value axis is logarithmic. */
    static final double LOG_SPREAD = 30;

    /** HdrHistogram's own default in its percentile output: five ticks per halving of the remaining distance. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    /** The percentiles marked on each curve, so a series is identified by its marker too. */
    private static final double[] MARKED = {50, 90, 99, 99.9, 99.99, 99.999};

    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color INK = new Color(0x222222);

    private Figures() {
    }

    /**
     * Latency percentile distributions, one curve per series, from full HdrHistograms: the x axis
     * is {@code 1/(1−p)} on a log scale (0%, 90%, 99%, 99.9%...), as in HdrHistogram's plots.
     * Each curve ends at its maximum, plotted at {@code 1/(1−p) = n}, the percentile a sample of
     * n values resolves at best; marked points sit at the minimum, p50, p90, p99, p99.9... and the
     * maximum.
     */
    static JFreeChart percentileCurves(Map<String, Histogram> series, Palette palette) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Set<Integer>> marks = new ArrayList<>();
        long mostValues = 1;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        double lowestMedian = Double.MAX_VALUE;
        for (Map.Entry<String, Histogram> e : series.entrySet()) {
            Histogram h = e.getValue();
            long n = h.getTotalCount();
            if (n == 0) {
                continue;
            }
            mostValues = Math.max(mostValues, n);
            XYSeries s = new XYSeries(e.getKey(), true, false);
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo();
                double x = p >= 100 ? n : Math.min(n, 1 / (1 - p / 100));
                s.addOrUpdate(x, Math.max(1, v.getValueIteratedTo()));
            }
            Set<Double> markedX = new HashSet<>();
            for (double q : MARKED) {
                double x = 1 / (1 - q / 100);
                if (x < n) {
                    s.addOrUpdate(x, Math.max(1, h.getValueAtPercentile(q)));
                    markedX.add(x);
                }
            }
            s.addOrUpdate((double) n, Math.max(1, h.getMaxValue()));
            markedX.add((double) n);
            Set<Integer> items = new HashSet<>();
            items.add(0); // the minimum; item 0 is also the one the legend looks at for a marker
            for (double x : markedX) {
                items.add(s.indexOf(x));
            }
            marks.add(items);
            data.addSeries(s);
            lowest = Math.min(lowest, Math.max(1, h.getMinValue()));
            highest = Math.max(highest, h.getMaxValue());
            lowestMedian = Math.min(lowestMedian, Math.max(1, h.getValueAtPercentile(50)));
        }

        LogAxis x = new LogAxis("percentile (log scale of 1/(1−p): each step one more nine)");
        x.setBase(10);
        x.setNumberFormatOverride(new AxisFormat(AxisFormat.Kind.PERCENTILE));
        x.setTickUnit(new NumberTickUnit(1), false, false);
        x.setAutoTickUnitSelection(false);
        x.setRange(1, Math.pow(10, Math.max(1, Math.ceil(Math.log10(mostValues) - 1e-9))));
        x.setMinorTickMarksVisible(false);
        style(x);

        boolean log = highest > LOG_SPREAD * lowestMedian;
        ValueAxis y;
        if (log) {
            y = logAxis("latency (log scale)", AxisFormat.Kind.NANOS, lowest, highest, 1.5);
        } else {
            NumberAxis linear = new NumberAxis("latency");
            linear.setNumberFormatOverride(new AxisFormat(AxisFormat.Kind.NANOS));
            linear.setAutoRangeIncludesZero(true);
            linear.setUpperMargin(0.08);
            y = linear;
        }
        style(y);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean getItemShapeVisible(int seriesIndex, int item) {
                return marks.get(seriesIndex).contains(item);
            }
        };
        r.setDrawSeriesLineAsPath(true);
        r.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Palette.Style st = palette.of((String) data.getSeriesKey(i));
            r.setSeriesPaint(i, st.colour());
            r.setSeriesStroke(i, st.line());
            r.setSeriesShape(i, st.marker());
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        stylePlot(plot);
        plot.setDomainGridlinePaint(GRID);
        return chart(plot);
    }

    /**
     * Horizontal grouped bars: for each category (a scheduler) one bar per series (p50 and p99, a
     * tag, resident and heap), each labelled with its value, shaded from dark to light, or from
     * light to dark when {@code darkestLast} (percentiles: the tail is the darkest). NaN is no bar.
     */
    static JFreeChart bars(List<String> categories, List<String> seriesNames, double[][] values, AxisFormat.Kind kind,
                           String axisLabel, boolean darkestLast) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int s = 0; s < seriesNames.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                double v = values[s][c];
                data.addValue(Double.isNaN(v) ? null : v, seriesNames.get(s), categories.get(c));
                if (!Double.isNaN(v) && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        ValueAxis axis = valueAxis(axisLabel, kind, min, max);
        BarRenderer r = barRenderer(kind);
        Color[] fills = Palette.ramp(seriesNames.size());
        for (int s = 0; s < fills.length; s++) {
            r.setSeriesPaint(s, fills[darkestLast ? fills.length - 1 - s : s]);
            r.setSeriesItemLabelPaint(s, INK);
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        stylePlot(plot);
        return chart(plot);
    }

    /**
     * Horizontal bars of each category's median, with every trial's own value as a dot over it, so
     * the spread between trials is there to see beside the figure the tables report.
     */
    static JFreeChart medianWithTrials(List<String> categories, double[] medians, List<List<Double>> trials,
                                       AxisFormat.Kind kind, String axisLabel) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultMultiValueCategoryDataset dots = new DefaultMultiValueCategoryDataset();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            bars.addValue(Double.isNaN(medians[c]) ? null : medians[c], "median of the trials", categories.get(c));
            dots.add(trials.get(c), "each trial", categories.get(c));
            for (double v : trials.get(c)) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        ValueAxis axis = valueAxis(axisLabel, kind, min, max);
        BarRenderer r = barRenderer(kind);
        r.setSeriesPaint(0, Palette.ramp(3)[2]);
        r.setSeriesItemLabelPaint(0, INK);
        // the label at the bar's start, where no trial's dot can sit on it
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE9, TextAnchor.CENTER_LEFT));
        ScatterRenderer s = new ScatterRenderer();
        s.setSeriesPaint(0, Palette.ramp(1)[0]);
        s.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        s.setUseSeriesOffset(false);
        CategoryPlot plot = new CategoryPlot(bars, categoryAxis(), axis, r);
        plot.setDataset(1, dots);
        plot.setRenderer(1, s);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        stylePlot(plot);
        return chart(plot);
    }

    private static ValueAxis valueAxis(String label, AxisFormat.Kind kind, double min, double max) {
        if (max > 0 && max > LOG_SPREAD * min) {
            return logAxis(label + " (log scale)", kind, min, max, 4);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(new AxisFormat(kind));
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.22); // room for the value labels at the bars' ends
        style(axis);
        return axis;
    }

    /**
     * A log axis from a quarter of {@code min} (so the shortest bar still shows) to
     * {@code headroom × max}: ticks at powers of ten, or for bytes at powers of two (1KiB, 4KiB,
     * 16KiB...), so each tick reads as a round number.
     */
    private static LogAxis logAxis(String label, AxisFormat.Kind kind, double min, double max, double headroom) {
        LogAxis axis = new LogAxis(label);
        double lower = Math.max(min, 1e-9) / 4;
        double upper = Math.max(lower * 10, max * headroom);
        double base = kind == AxisFormat.Kind.BYTES ? 2 : 10;
        axis.setBase(base);
        axis.setSmallestValue(1e-9);
        axis.setNumberFormatOverride(new AxisFormat(kind));
        double exponents = Math.log(upper / lower) / Math.log(base);
        double step = base == 10 ? 1 : Math.max(1, Math.ceil(exponents / 6));
        axis.setTickUnit(new NumberTickUnit(step), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setRange(lower, upper);
        style(axis);
        return axis;
    }

    private static BarRenderer barRenderer(AxisFormat.Kind kind) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(0.9);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new AxisFormat(kind)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(TICK);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(3);
        return r;
    }

    private static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        axis.setMaximumCategoryLabelWidthRatio(0.32f);
        axis.setMaximumCategoryLabelLines(2);
        axis.setTickLabelFont(LABEL);
        axis.setTickLabelPaint(INK);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
    }

    private static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.7f));
        plot.setDomainGridlineStroke(new BasicStroke(0.7f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.7f));
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static JFreeChart chart(org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(null, LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 4, 4, 12));
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL);
        legend.setItemPaint(INK);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }
}
