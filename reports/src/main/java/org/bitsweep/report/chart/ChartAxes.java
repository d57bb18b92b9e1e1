package org.bitsweep.report.chart;

import java.awt.Color;
import java.text.DecimalFormat;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** Turns an {@link Axis}, its scale already resolved, into a JFreeChart axis. */
final class ChartAxes {
    private static final Color TICK_COLOUR = new Color(0x444444);

    /** Significant digits of a tick label on a log axis spanning less than a decade. */
    private static final int NARROW_LOG_DIGITS = 3;

    private ChartAxes() {
    }

    /**
     * @param scale  LINEAR or LOG, never AUTO: the caller resolves it from the data on this axis
     * @param values every value plotted on this axis; for LOG all are positive
     */
    static ValueAxis create(Axis axis, AxisScale scale, double[] values) {
        ValueAxis result = switch (scale) {
            case LINEAR -> linear(axis.label());
            case LOG -> log(axis.label(), values);
            case AUTO -> throw new IllegalStateException("AUTO scale of axis \"" + axis.label() + "\" not resolved");
        };
        result.setTickLabelPaint(TICK_COLOUR);
        result.setAxisLinePaint(TICK_COLOUR);
        result.setTickMarkPaint(TICK_COLOUR);
        return result;
    }

    /** Design points rarely sit near zero (no design has zero area), so the range hugs the data instead. */
    private static NumberAxis linear(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /**
     * Over a decade or more, ticks go only on whole powers of ten, labelled 10ⁿ: JFreeChart's default log units
     * also allow fractional exponents, whose labels (10^0.5) nobody reads at a glance. Under a decade there may be
     * no power of ten in range at all, so the default units stay and the labels show the values themselves.
     */
    private static LogAxis log(String label, double[] values) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setMinorTickMarksVisible(true);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0 || max / min >= 10)
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        else
            a.setNumberFormatOverride(plainFormat(min));
        return a;
    }

    /** Enough decimals to show {@value #NARROW_LOG_DIGITS} significant digits of the smallest value. */
    private static DecimalFormat plainFormat(double smallest) {
        int decimals = Math.max(0, NARROW_LOG_DIGITS - 1 - (int) Math.floor(Math.log10(smallest)));
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "#".repeat(decimals));
    }
}
