package org.bitsweep.sweep.expr;

import java.util.function.ToDoubleFunction;

/** What an expression reads: numeric columns as numbers, text columns (pe, weights, …) as text. */
public interface Variables {
    /** The number a name stands for; NaN when it has none. */
    double number(String name);

    /** The text a name stands for; null when it has none. */
    String text(String name);

    /** Numbers only: every text lookup is null, so text comparisons are false. */
    static Variables numbers(ToDoubleFunction<String> numbers) {
        return new Variables() {
            @Override
            public double number(String name) {
                return numbers.applyAsDouble(name);
            }

            @Override
            public String text(String name) {
                return null;
            }
        };
    }
}
