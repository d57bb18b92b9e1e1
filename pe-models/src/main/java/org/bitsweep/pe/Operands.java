package org.bitsweep.pe;

import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.format.CastOverflow;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * What the {@code long}s of a PE's {@link org.bitsweep.workloads.arith.MacArithmetic} mean, for one pair of operand
 * formats. The accuracy side turns each quantized value (the grid value before its scale) into an operand here, runs
 * the PE's MACs, and reads the accumulator back through {@link #accumulatorValue}. Two kinds exist:
 * <ul>
 *   <li>{@link #fixedPoint fixed point}: integer PEs. An operand is the value in units of its format's quantum (the
 *       integer value itself for integer formats and grids; value · 2^24 for fp16) and the accumulator is an integer
 *       in units of the product of the two quanta;</li>
 *   <li>{@link #floatCodes codes}: floating-point PEs. An operand is its format's code, and the accumulator is the
 *       bit pattern of the accumulator format (fp32: {@link Float#floatToRawIntBits}, read as unsigned).</li>
 * </ul>
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

    /** Integer operands in units of 2^qa and 2^qw; the accumulator is in units of 2^(qa + qw). */
    static Operands fixedPoint(FixedPoint activation, FixedPoint weight) {
        return new Operands() {
            @Override
            public long activation(double value) {
                return activation.operand(value);
            }

            @Override
            public long weight(double value) {
                return weight.operand(value);
            }

            @Override
            public long zeroAccumulator() {
                return 0;
            }

            @Override
            public double accumulatorValue(long acc) {
                return Math.scalb((double) acc, activation.quantumExponent() + weight.quantumExponent());
            }

            @Override
            public String description() {
                int q = activation.quantumExponent() + weight.quantumExponent();
                return q == 0 ? "integer values; integer accumulator"
                        : "fixed point: activations in units of 2^%d, weights of 2^%d; accumulator in units of 2^%d"
                        .formatted(activation.quantumExponent(), weight.quantumExponent(), q);
            }
        };
    }

    /** Operands are codes of minifloat formats; the accumulator is a code of {@code acc}. */
    static Operands floatCodes(MinifloatFormat activation, MinifloatFormat weight, FloatFormat acc) {
        return new Operands() {
            @Override
            public long activation(double value) {
                return codeOf(activation, value);
            }

            @Override
            public long weight(double value) {
                return codeOf(weight, value);
            }

            @Override
            public long zeroAccumulator() {
                return acc.zero(false);
            }

            @Override
            public double accumulatorValue(long code) {
                return acc.toDouble(code);
            }

            @Override
            public String description() {
                return "codes of %s (activations) and %s (weights); accumulator: %s bit pattern"
                        .formatted(activation.name(), weight.name(), acc.name());
            }
        };
    }

    /** The code of an exact value; NaN and ±∞ where the format has them. A zero of either sign is accepted. */
    private static long codeOf(MinifloatFormat f, double value) {
        if (Double.isNaN(value))
            return f.encode(value, CastOverflow.NAN);
        if (Double.isInfinite(value))
            return f.encode(value, CastOverflow.INF);
        int code = f.encode(value);
        double back = f.decode(code);
        if (back != value)
            throw new IllegalArgumentException("%s is not a value of %s".formatted(value, f.name()));
        return code;
    }
}
