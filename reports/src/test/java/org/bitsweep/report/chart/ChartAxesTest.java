package org.bitsweep.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

class ChartAxesTest {
    static final Axis AREA = new Axis("area (mm²)", AxisScale.LOG);

    @Test void logOverSeveralDecadesLabelsPowersOfTen() {
        LogAxis axis = (LogAxis) ChartAxes.create(AREA, AxisScale.LOG, new double[] {0.5, 900});
        assertThat(axis.getNumberFormatOverride()).isNull();
        assertThat(axis.getLabel()).isEqualTo("area (mm²)");
    }

    @Test void logUnderADecadeLabelsTheValuesWithThreeSignificantDigits() {
        // 1.5..4.2 holds no power of ten, so ticks fall on values like 10^0.2 = 1.5849, shown as 1.58.
        LogAxis axis = (LogAxis) ChartAxes.create(AREA, AxisScale.LOG, new double[] {1.5, 4.2});
        assertThat(axis.getNumberFormatOverride().format(Math.pow(10, 0.2))).isEqualTo("1.58");
    }

    @Test void logUnderADecadeOfSmallValuesKeepsEnoughDecimals() {
        // smallest 0.0015 = 1.5e-3: three significant digits need five decimals, 0.001585 → 0.00158
        LogAxis axis = (LogAxis) ChartAxes.create(AREA, AxisScale.LOG, new double[] {0.0015, 0.004});
        assertThat(axis.getNumberFormatOverride().format(0.0015849)).isEqualTo("0.00158");
    }

    @Test void linearIsANumberAxisThatNeedNotIncludeZero() {
        NumberAxis axis = (NumberAxis) ChartAxes.create(AREA, AxisScale.LINEAR, new double[] {70, 90});
        assertThat(axis.getAutoRangeIncludesZero()).isFalse();
    }

    @Test void anUnresolvedAutoScaleIsABug() {
        assertThatThrownBy(() -> ChartAxes.create(Axis.auto("x (1)"), AxisScale.AUTO, new double[] {1}))
                .isInstanceOf(IllegalStateException.class);
    }
}
