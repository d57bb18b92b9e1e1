package org.bitsweep.sweep.expr;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A parsed arithmetic or logical expression over named numbers, e.g. {@code area_um2 / 1e6 < 2 and rows <= cols}.
 * Comparisons and logic yield 1 (true) or 0 (false); a value is true when it is neither 0 nor NaN.
 */
public interface Expression {
    double eval(ToDoubleFunction<String> variables);

    /** The names the expression reads. */
    Set<String> variables();

    /** The text it was parsed from. */
    String text();

    default boolean test(ToDoubleFunction<String> variables) {
        double v = eval(variables);
        return v != 0 && !Double.isNaN(v);
    }
}
