package org.bitsweep.pe;

import java.util.OptionalInt;

import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.CastOverflow;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * The two kinds of {@link Operands} PEs use:
 * <ul>
 *   <li>{@link #fixedPoint fixed point}: integer PEs. An operand is the value in units of its format's quantum (the
 *       integer value itself for integer formats and grids; value · 2^24 for fp16) and the accumulator is an integer
 *       in units of the product of the two quanta;</li>
 *   <li>{@link #floatCodes codes}: floating-point PEs. An operand is its format's code, and the accumulator is the
 *       bit pattern of the accumulator format (fp32: {@link Float#floatToRawIntBits}, read as unsigned).</li>
 * </ul>
 */
public final class PeOperands {
    private PeOperands() {
    }

    /** Integer operands in units of 2^qa and 2^qw; the accumulator is in units of 2^(qa + qw). */
    public static Operands fixedPoint(FixedPoint activation, FixedPoint weight) {
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
            public OptionalInt accumulatorExponent() {
                return OptionalInt.of(activation.quantumExponent() + weight.quantumExponent());
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
    public static Operands floatCodes(MinifloatFormat activation, MinifloatFormat weight, FloatFormat acc) {
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
    public static long codeOf(MinifloatFormat f, double value) {
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
