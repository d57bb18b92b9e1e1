package org.bitsweep.report.chart;

/** How values are laid out along an axis. */
public enum AxisScale {
    LINEAR,
    LOG,
    /** LOG when the data spans two decades or more, else LINEAR; see {@link #forValues}. */
    AUTO;

    /**
     * Below two decades a log axis shows one or two tick labels and wastes the plot; above it a linear axis squeezes
     * the small designs (the ones a Pareto chart is usually about) into one corner.
     */
    static final double MIN_LOG_SPAN = 100.0;

    /**
     * The scale AUTO stands for, given every value on the axis: LOG when all are positive (a log axis cannot show
     * zero or negatives) and max/min is at least {@value #MIN_LOG_SPAN}; LINEAR otherwise, including when there
     * are no values at all.
     */
    public static AxisScale forValues(double[] values) {
        if (values.length == 0)
            return LINEAR;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!(v > 0))
                return LINEAR;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / min >= MIN_LOG_SPAN ? LOG : LINEAR;
    }

    /** This scale, with AUTO replaced by the scale {@link #forValues} picks for these values. */
    public AxisScale resolve(double[] values) {
        return this == AUTO ? forValues(values) : this;
    }
}
