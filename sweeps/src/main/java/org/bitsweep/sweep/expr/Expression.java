package org.bitsweep.sweep.expr;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A parsed arithmetic or logical expression over named columns, e.g. {@code area_um2 / 1e6 < 2 and rows <= cols} or
 * {@code pe == "bitmod" or weights in ["int4", "int8"]}. Comparisons and logic yield 1 (true) or 0 (false); a value
 * is true when it is neither 0 nor NaN.
 */
public interface Expression {
    double eval(Variables variables);

    /** Over numbers alone (text comparisons are false). */
    default double eval(ToDoubleFunction<String> numbers) {
        return eval(Variables.numbers(numbers));
    }

    /** Every name the expression reads. */
    Set<String> variables();

    /** The names it compares as text ({@code pe} in {@code pe == "bitmod"}); the others it reads as numbers. */
    Set<String> textVariables();

    /** The text it was parsed from. */
    String text();

    default boolean test(Variables variables) {
        double v = eval(variables);
        return v != 0 && !Double.isNaN(v);
    }

    default boolean test(ToDoubleFunction<String> numbers) {
        return test(Variables.numbers(numbers));
    }
}
