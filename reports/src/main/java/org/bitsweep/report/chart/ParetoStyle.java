package org.bitsweep.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of a {@link ParetoChart}. The points are context, so they are small and mostly transparent: where
 * thousands overlap the density still shows. The fronts are the result, so they are opaque, larger, and joined by
 * a line.
 */
final class ParetoStyle {
    private static final double POINT_OPACITY = 0.45;
    private static final double POINT_SIZE_PX = 7;
    private static final double LEGEND_MARKER_SIZE_PX = 8;
    private static final double FRONT_SIZE_PX = 8;
    private static final float FRONT_LINE_WIDTH_PX = 2.2f;
    private static final Color GRID_COLOUR = new Color(0xDDDDDD);

    private ParetoStyle() {
    }

    /** Markers only, one colour per series, each series i taking palette entry i. */
    static XYLineAndShapeRenderer points(int seriesCount) {
        XYLineAndShapeRenderer r = new FaintPointsRenderer();
        r.setDrawOutlines(false);
        for (int i = 0; i < seriesCount; i++) {
            r.setSeriesPaint(i, Palette.colour(i, POINT_OPACITY));
            r.setSeriesShape(i, Palette.marker(i, POINT_SIZE_PX));
            r.setLegendShape(i, Palette.marker(i, LEGEND_MARKER_SIZE_PX));
        }
        return r;
    }

    /**
     * Markers joined by a line, front i in front colour i: colours no point series uses, so no front is mistaken for
     * a cloud of points; the marker shape follows the points' series count so legend entries stay distinct.
     */
    static XYLineAndShapeRenderer fronts(int firstColour, int seriesCount) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < seriesCount; i++) {
            r.setSeriesPaint(i, Palette.frontColour(i));
            r.setSeriesShape(i, Palette.marker(firstColour + i, FRONT_SIZE_PX));
            r.setSeriesStroke(i, new BasicStroke(FRONT_LINE_WIDTH_PX, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        return r;
    }

    /** White background and light grid, so that the chart prints and sits on a white HTML page. */
    static void apply(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID_COLOUR);
        plot.setRangeGridlinePaint(GRID_COLOUR);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null)
            chart.getLegend().setFrame(BlockBorder.NONE);
    }

    /**
     * Draws points faint but lists them opaque in the legend: a legend swatch as faint as one point is too pale to
     * match against the cloud's colour.
     */
    private static final class FaintPointsRenderer extends XYLineAndShapeRenderer {
        FaintPointsRenderer() {
            super(false, true);
        }

        @Override public LegendItem getLegendItem(int datasetIndex, int series) {
            LegendItem item = super.getLegendItem(datasetIndex, series);
            if (item != null)
                item.setFillPaint(Palette.colour(series, 1.0));
            return item;
        }
    }
}
