package org.bitsweep.workloads.trace;

import java.util.Objects;

import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;

/** The formats of the two operands of a GEMM: weights (B) and activations (A). */
public record OperandFormats(NumberFormat weight, NumberFormat activation) {
    public OperandFormats {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(activation, "activation");
    }

    public static OperandFormats of(NumberFormat weight, NumberFormat activation) {
        return new OperandFormats(weight, activation);
    }

    public boolean bothIntegers() {
        return weight instanceof IntFormat && activation instanceof IntFormat;
    }

    @Override
    public String toString() {
        return "w:" + weight.name() + " a:" + activation.name();
    }
}
