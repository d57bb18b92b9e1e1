package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The chart's structure, read back from the JFreeChart it builds; files are covered by {@link ParetoChartFilesTest}. */
class ParetoChartTest {
    static final Axis ENERGY = Axis.auto("energy per token (pJ)");
    static final Axis ACCURACY = Axis.auto("top-1 accuracy (%)");
    static final Series BIT_SERIAL = new Series("bit-serial", new double[] {0.5, 0.8, 2.0}, new double[] {71, 78, 80});
    static final Series INT_MAC = new Series("int-mac", new double[] {1.5, 3.0, 4.0}, new double[] {84, 88, 86});
    static final Series FRONT = new Series("Pareto front", new double[] {3.0, 0.5, 0.8}, new double[] {88, 71, 78});

    static ParetoChart energyChart() {
        return new ParetoChart("Accuracy vs energy", ENERGY, ACCURACY, List.of(BIT_SERIAL, INT_MAC), List.of(FRONT));
    }

    @Test void pointsAreMarkersOnlyAndFrontsAreMarkersJoinedByLines() {
        XYPlot plot = energyChart().toJFreeChart().getXYPlot();
        XYLineAndShapeRenderer points = (XYLineAndShapeRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer fronts = (XYLineAndShapeRenderer) plot.getRenderer(1);
        assertThat(points.getDefaultLinesVisible()).isFalse();
        assertThat(points.getDefaultShapesVisible()).isTrue();
        assertThat(fronts.getDefaultLinesVisible()).isTrue();
        assertThat(fronts.getDefaultShapesVisible()).isTrue();
    }

    @Test void pointsAreFaintAndFrontsOpaque() {
        XYPlot plot = energyChart().toJFreeChart().getXYPlot();
        assertThat(((Color) plot.getRenderer(0).getSeriesPaint(1)).getAlpha()).isLessThan(128);
        assertThat(((Color) plot.getRenderer(1).getSeriesPaint(0)).getAlpha()).isEqualTo(255);
    }

    @Test void frontsAreDrawnAfterThePointsSoTheyLieOnTop() {
        XYPlot plot = energyChart().toJFreeChart().getXYPlot();
        assertThat(plot.getDatasetRenderingOrder()).isEqualTo(DatasetRenderingOrder.FORWARD);
        assertThat(String.valueOf(plot.getDataset(1).getSeriesKey(0))).isEqualTo("Pareto front");
    }

    @Test void frontsAreConnectedInOrderOfX() {
        XYDataset front = energyChart().toJFreeChart().getXYPlot().getDataset(1);
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < front.getItemCount(0); i++)
            xs.add(front.getXValue(0, i));
        assertThat(xs).containsExactly(0.5, 0.8, 3.0);
        assertThat(front.getYValue(0, 2)).isEqualTo(88);
    }

    @Test void legendListsEveryPointsSeriesThenEveryFront() {
        JFreeChart chart = energyChart().toJFreeChart();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++)
            labels.add(items.get(i).getLabel());
        assertThat(chart.getLegend()).isNotNull();
        assertThat(labels).containsExactly("bit-serial", "int-mac", "Pareto front");
    }

    @Test void legendSwatchesOfFaintPointsAreOpaqueSoTheirColourCanBeMatched() {
        LegendItem bitSerial = energyChart().toJFreeChart().getXYPlot().getLegendItems().get(0);
        assertThat(((Color) bitSerial.getFillPaint()).getAlpha()).isEqualTo(255);
    }

    @Test void axesCarryTheirLabels() {
        XYPlot plot = energyChart().toJFreeChart().getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("energy per token (pJ)");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("top-1 accuracy (%)");
    }

    @Test void autoAxesUnderTwoDecadesAreLinear() {
        // x spans 0.5..4 (ratio 8), y spans 71..88: both under the 100× needed for LOG.
        XYPlot plot = energyChart().toJFreeChart().getXYPlot();
        assertThat(plot.getDomainAxis()).isExactlyInstanceOf(NumberAxis.class);
        assertThat(plot.getRangeAxis()).isExactlyInstanceOf(NumberAxis.class);
    }

    @Test void autoAxisOverThreeDecadesIsLog() {
        Series wide = new Series("wide", new double[] {0.5, 500}, new double[] {70, 90});
        ParetoChart chart = new ParetoChart("wide", ENERGY, ACCURACY, List.of(wide), List.of());
        assertThat(chart.resolvedXScale()).isEqualTo(AxisScale.LOG);
        assertThat(chart.toJFreeChart().getXYPlot().getDomainAxis()).isInstanceOf(LogAxis.class);
    }

    @Test void theFrontsValuesCountWhenResolvingAuto() {
        Series wideFront = new Series("front", new double[] {0.5, 500}, new double[] {70, 90});
        ParetoChart chart = new ParetoChart("c", ENERGY, ACCURACY, List.of(BIT_SERIAL), List.of(wideFront));
        assertThat(chart.resolvedXScale()).isEqualTo(AxisScale.LOG);
    }

    @Test void rejectsTwoSeriesWithOneName() {
        Series twin = new Series("bit-serial", new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> new ParetoChart("c", ENERGY, ACCURACY, List.of(BIT_SERIAL), List.of(twin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bit-serial\"");
    }

    @Test void rejectsAnExplicitLogAxisOverAZero() {
        Series withZero = new Series("s", new double[] {0, 10}, new double[] {1, 2});
        Axis logEnergy = new Axis("energy per token (pJ)", AxisScale.LOG);
        assertThatThrownBy(() -> new ParetoChart("c", logEnergy, ACCURACY, List.of(withZero), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is LOG");
    }

    @Test void listsAreCopiedSoTheChartCannotChangeLater() {
        List<Series> points = new ArrayList<>(List.of(BIT_SERIAL));
        ParetoChart chart = new ParetoChart("c", ENERGY, ACCURACY, points, List.of());
        points.add(INT_MAC);
        assertThat(chart.points()).containsExactly(BIT_SERIAL);
    }
}
