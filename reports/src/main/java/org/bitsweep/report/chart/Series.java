package org.bitsweep.report.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A named list of (x, y) points, e.g. every design point of one PE family, or one Pareto front. The arrays are
 * copied in and out, so a series never changes after it is built.
 *
 * <p>Every value must be finite: a NaN or an infinity cannot be placed on an axis, and JFreeChart would silently
 * drop it or stretch the axis to nothing, hiding a bug upstream.
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        Objects.requireNonNull(name, "series name");
        Objects.requireNonNull(x, "x values of series " + name);
        Objects.requireNonNull(y, "y values of series " + name);
        if (name.isBlank())
            throw new IllegalArgumentException("series name must not be blank");
        if (x.length != y.length)
            throw new IllegalArgumentException("series \"%s\" has %d x values but %d y values"
                    .formatted(name, x.length, y.length));
        requireFinite(name, "x", x);
        requireFinite(name, "y", y);
        x = x.clone();
        y = y.clone();
    }

    private static void requireFinite(String name, String axis, double[] values) {
        for (int i = 0; i < values.length; i++)
            if (!Double.isFinite(values[i]))
                throw new IllegalArgumentException("series \"%s\": %s[%d] is %s; every value must be finite"
                        .formatted(name, axis, i, values[i]));
    }

    /** A copy of the x values. */
    @Override public double[] x() { return x.clone(); }

    /** A copy of the y values. */
    @Override public double[] y() { return y.clone(); }

    /** Number of points. */
    public int size() { return x.length; }

    /**
     * The same points ordered by x (ties by y), so that a line through them runs left to right instead of zigzagging
     * in whatever order the sweep finished its design points.
     */
    public Series sortedByX() {
        int[] order = IntStream.range(0, x.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] sortedX = new double[order.length], sortedY = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedX[i] = x[order[i]];
            sortedY[i] = y[order[i]];
        }
        return new Series(name, sortedX, sortedY);
    }

    /** Equal when name and every value are equal; a record compares arrays by identity otherwise. */
    @Override public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override public String toString() {
        return "Series[name=%s, %d points]".formatted(name, x.length);
    }
}
