package org.bitsweep.report.chart;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A scatter chart of design points with their Pareto fronts on top, e.g. accuracy against energy per token.
 * Each points series keeps its own colour, so that a group (one PE family, one format) reads as one cloud; the
 * fronts are drawn over them (see {@link ParetoStyle}). Every series, points and fronts, gets its own legend entry,
 * so names must be unique.
 *
 * @param points design points, one series per group; drawn faint, without lines
 * @param fronts Pareto fronts; drawn bold and connected in order of x
 */
public record ParetoChart(String title, Axis xAxis, Axis yAxis, List<Series> points, List<Series> fronts) {
    private static final int POINTS_DATASET = 0;
    private static final int FRONTS_DATASET = 1;

    public ParetoChart {
        Objects.requireNonNull(title, "chart title");
        Objects.requireNonNull(xAxis, "x axis of chart " + title);
        Objects.requireNonNull(yAxis, "y axis of chart " + title);
        points = List.copyOf(Objects.requireNonNull(points, "points of chart " + title));
        fronts = List.copyOf(Objects.requireNonNull(fronts, "fronts of chart " + title));
        if (title.isBlank())
            throw new IllegalArgumentException("chart title must not be blank");
        requireUniqueNames(title, points, fronts);
        requirePositiveIfLog(title, xAxis, points, fronts, Series::x);
        requirePositiveIfLog(title, yAxis, points, fronts, Series::y);
    }

    private static void requireUniqueNames(String title, List<Series> points, List<Series> fronts) {
        Set<String> seen = new HashSet<>();
        for (Series s : concat(points, fronts))
            if (!seen.add(s.name()))
                throw new IllegalArgumentException("chart \"%s\": two series are named \"%s\"; legend entries must differ"
                        .formatted(title, s.name()));
    }

    /** A log axis has no place for zero or negatives; JFreeChart would drop such points without a word. */
    private static void requirePositiveIfLog(String title, Axis axis, List<Series> points, List<Series> fronts,
                                             Function<Series, double[]> values) {
        if (axis.scale() != AxisScale.LOG)
            return;
        for (Series s : concat(points, fronts))
            for (double v : values.apply(s))
                if (!(v > 0))
                    throw new IllegalArgumentException(
                            "chart \"%s\": axis \"%s\" is LOG but series \"%s\" has the value %s; use LINEAR or AUTO"
                                    .formatted(title, axis.label(), s.name(), v));
    }

    private static List<Series> concat(List<Series> points, List<Series> fronts) {
        return Stream.concat(points.stream(), fronts.stream()).toList();
    }

    /** The x axis scale with AUTO resolved from every x value, points and fronts alike. */
    public AxisScale resolvedXScale() { return xAxis.scale().resolve(allValues(Series::x)); }

    /** The y axis scale with AUTO resolved from every y value, points and fronts alike. */
    public AxisScale resolvedYScale() { return yAxis.scale().resolve(allValues(Series::y)); }

    private double[] allValues(Function<Series, double[]> values) {
        return concat(points, fronts).stream().map(values).flatMapToDouble(Arrays::stream).toArray();
    }

    /** A new JFreeChart of this chart each call; callers may restyle it without touching this record. */
    public JFreeChart toJFreeChart() {
        XYPlot plot = new XYPlot();
        double[] xs = allValues(Series::x), ys = allValues(Series::y);
        plot.setDomainAxis(ChartAxes.create(xAxis, xAxis.scale().resolve(xs), xs));
        plot.setRangeAxis(ChartAxes.create(yAxis, yAxis.scale().resolve(ys), ys));
        plot.setDataset(POINTS_DATASET, dataset(points));
        plot.setRenderer(POINTS_DATASET, ParetoStyle.points(points.size()));
        plot.setDataset(FRONTS_DATASET, dataset(fronts.stream().map(Series::sortedByX).toList()));
        plot.setRenderer(FRONTS_DATASET, ParetoStyle.fronts(points.size(), fronts.size()));
        // FORWARD draws dataset 0 first, so the fronts (dataset 1) lie on top of the cloud of points.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ParetoStyle.apply(chart);
        return chart;
    }

    /**
     * Where each point lands in a {@code widthPx × heightPx} drawing, as the PNG and SVG draw it: one
     * {@code [x, y]} pixel pair per point, the points' series first and then the fronts', each in the order given
     * (not re-sorted). A report lays clickable marks over the drawn chart with it.
     */
    public List<double[][]> pixelPositions(int widthPx, int heightPx) {
        JFreeChart chart = toJFreeChart();
        ChartRenderingInfo info = ChartFiles.layout(chart, widthPx, heightPx);
        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        List<double[][]> out = new java.util.ArrayList<>();
        for (Series s : concat(points, fronts)) {
            double[] xs = s.x();
            double[] ys = s.y();
            double[][] px = new double[xs.length][];
            for (int i = 0; i < xs.length; i++)
                px[i] = new double[] {plot.getDomainAxis().valueToJava2D(xs[i], area, plot.getDomainAxisEdge()),
                        plot.getRangeAxis().valueToJava2D(ys[i], area, plot.getRangeAxisEdge())};
            out.add(px);
        }
        return out;
    }

    /** Writes the chart as a PNG, atomically; an I/O failure surfaces as {@link java.io.UncheckedIOException}. */
    public void writePng(Path file, int widthPx, int heightPx) {
        ChartFiles.writePng(toJFreeChart(), file, widthPx, heightPx);
    }

    /** Writes the chart as an SVG, atomically; an I/O failure surfaces as {@link java.io.UncheckedIOException}. */
    public void writeSvg(Path file, int widthPx, int heightPx) {
        ChartFiles.writeSvg(toJFreeChart(), file, widthPx, heightPx);
    }

    private static DefaultXYDataset dataset(List<Series> series) {
        DefaultXYDataset d = new DefaultXYDataset();
        for (Series s : series)
            d.addSeries(s.name(), new double[][] {s.x(), s.y()});
        return d;
    }
}
