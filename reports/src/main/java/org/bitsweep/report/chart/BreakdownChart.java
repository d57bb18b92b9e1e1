package org.bitsweep.report.chart;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A stacked bar per item (for example one per Pareto-front point), split into named parts (for example where its
 * energy goes). {@code values[part][item]}.
 */
public record BreakdownChart(String title, String valueLabel, List<String> items, List<String> parts,
                             double[][] values) {
    public BreakdownChart {
        Objects.requireNonNull(title);
        Objects.requireNonNull(valueLabel);
        items = List.copyOf(items);
        parts = List.copyOf(parts);
        if (values.length != parts.size())
            throw new IllegalArgumentException("need one row of values per part");
        for (double[] row : values)
            if (row.length != items.size())
                throw new IllegalArgumentException("need one value per item in every part");
    }

    public JFreeChart toJFreeChart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int p = 0; p < parts.size(); p++)
            for (int i = 0; i < items.size(); i++)
                data.addValue(values[p][i], parts.get(p), items.get(i));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int p = 0; p < parts.size(); p++)
            renderer.setSeriesPaint(p, Palette.colour(p, 1.0));
        CategoryPlot plot = new CategoryPlot(data, categories, new NumberAxis(valueLabel), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    public void writePng(Path file, int widthPx, int heightPx) {
        ChartFiles.writePng(toJFreeChart(), file, widthPx, heightPx);
    }

    public void writeSvg(Path file, int widthPx, int heightPx) {
        ChartFiles.writeSvg(toJFreeChart(), file, widthPx, heightPx);
    }
}
