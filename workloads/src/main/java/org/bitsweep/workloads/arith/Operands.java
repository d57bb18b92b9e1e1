package org.bitsweep.workloads.arith;

import java.util.OptionalInt;

/**
 * What the {@code long}s of a {@link MacArithmetic} mean, for one pair of operand formats. Reference inference turns
 * each quantized value (the grid value before its scale) into an operand here, runs the MACs, and reads the
 * accumulator back through {@link #accumulatorValue}. A PE says which kind it uses: integers in units of a quantum
 * for integer datapaths, format codes for floating-point ones (pe-models' {@code PeOperands} builds both).
 */
public interface Operands {
    /** The operand that stands for an exact value of the activation format. */
    long activation(double value);

    /** The operand that stands for an exact value of the weight format. */
    long weight(double value);

    /** The accumulator's reset value: integer 0, or the accumulator format's +0. */
    long zeroAccumulator();

    /** The value an accumulator holds (exact whenever a double can hold it: every fp32 or fp16 code, |n| < 2^53). */
    double accumulatorValue(long acc);

    /** One line for docs and {@code bitsweep pes describe}. */
    String description();

    /**
     * e where {@link #accumulatorValue} is {@code Math.scalb((double) acc, e)} for every accumulator (a fixed-point
     * accumulator in units of 2^e), so that fast loops can read accumulators back without a call; empty otherwise.
     */
    default OptionalInt accumulatorExponent() {
        return OptionalInt.empty();
    }

    /** Integer operands that are the integer values themselves, and an integer accumulator. */
    Operands INTEGERS = new Operands() {
        @Override
        public long activation(double value) {
            return integer(value);
        }

        @Override
        public long weight(double value) {
            return integer(value);
        }

        @Override
        public long zeroAccumulator() {
            return 0;
        }

        @Override
        public double accumulatorValue(long acc) {
            return acc;
        }

        @Override
        public String description() {
            return "integer values; integer accumulator";
        }

        @Override
        public OptionalInt accumulatorExponent() {
            return OptionalInt.of(0);
        }

        private long integer(double value) {
            if (value != Math.rint(value) || Math.abs(value) >= 0x1p62)
                throw new IllegalArgumentException(value + " is not an integer operand");
            return (long) value;
        }

        @Override
        public String toString() {
            return description();
        }
    };
}
