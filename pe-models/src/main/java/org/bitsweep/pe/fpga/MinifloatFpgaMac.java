package org.bitsweep.pe.fpga;

import org.bitsweep.cost.fpga.Accumulation;
import org.bitsweep.cost.fpga.AccumulatorWidths;
import org.bitsweep.cost.fpga.FloatOperand;
import org.bitsweep.cost.fpga.FpgaFamily;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.MacUnitCosts;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeOperands;
import org.bitsweep.pe.exact.Dyadic;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.pe.fpmac.FloatAccumulate;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.ExponentZero;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A minifloat MAC unit in the fabric, built as the hardware builds it. Each operand code splits into a sign, a
 * significand (the mantissa with its leading bit, 0 below the lowest binade) and a shift (its binade above the
 * lowest one); a product is the two significands multiplied and shifted left by the two shifts added. An exact or
 * fixed accumulator adds that aligned product as a two's complement integer whose lowest bit is worth
 * 2^(qa + qw), q = 1 − bias − M being each format's smallest step; a float accumulator rounds acc + a·w once, to
 * nearest even (a fused multiply-add: the exact product never rounds on its own).
 *
 * <p>Operands are codes. Non-finite codes (NaN, ±∞ of IEEE-style formats) have no hardware here: a quantizer never
 * produces them, and the arithmetic refuses them.
 */
public final class MinifloatFpgaMac implements FpgaMacUnit {
    public static final String ID = "fpga-minifloat-mac";
    /** Widest aligned product magnitude the long arithmetic holds with room for a sign and a carry. */
    static final int MAX_ALIGNED_BITS = 62;

    private final MinifloatFormat weight;
    private final MinifloatFormat activation;
    private final FpgaAccumulator accumulator;
    private final long reductionLength;
    private final int lanes;
    private final Fields w;
    private final Fields a;
    private final int accBits;
    /** Magnitude bits of the widest aligned product: the significands' widths and both formats' largest shifts. */
    private final int aligned;

    MinifloatFpgaMac(MinifloatFormat weight, MinifloatFormat activation, FpgaAccumulator accumulator,
                     long reductionLength, int lanes) {
        this.weight = weight;
        this.activation = activation;
        this.accumulator = accumulator;
        this.reductionLength = reductionLength;
        this.lanes = lanes;
        this.w = Fields.of(weight);
        this.a = Fields.of(activation);
        this.aligned = w.significandBits + a.significandBits + w.maxShift + a.maxShift;
        if (accumulator instanceof FpgaAccumulator.Floating f) {
            if (lanes != 1)
                throw new UserInputException("a float accumulator (%s) adds one product per cycle; lanes must be 1, "
                        .formatted(f.id()) + "got " + lanes);
            this.accBits = f.format().bits();
        } else if (accumulator instanceof FpgaAccumulator.Exact) {
            this.accBits = AccumulatorWidths.minifloatExact(weight.exponentBits(), weight.mantissaBits(),
                    activation.exponentBits(), activation.mantissaBits(), reductionLength);
        } else {
            FpgaAccumulator.Fixed f = (FpgaAccumulator.Fixed) accumulator;
            if (f.bits() < aligned + 1)
                throw new UserInputException("a %d-bit accumulator cannot hold one aligned %s × %s product (%d bits); "
                        .formatted(f.bits(), weight.name(), activation.name(), aligned + 1) + "use at least "
                        + (aligned + 1));
            this.accBits = f.bits();
        }
    }

    /**
     * The hardware can be as wide as it likes; this arithmetic keeps an aligned product and the accumulator in a
     * {@code long}. Pricing works for any width, running the arithmetic only up to these.
     */
    private void requireLongArithmetic() {
        if (accumulator instanceof FpgaAccumulator.Floating)
            return;
        String pair = weight.name() + " × " + activation.name();
        if (aligned > MAX_ALIGNED_BITS)
            throw new UserInputException("%s products span %d bits of fixed point, more than the %d this arithmetic "
                    .formatted(pair, aligned, MAX_ALIGNED_BITS) + "holds (the unit can still be priced); use "
                    + "accumulator float:FORMAT to run it");
        if (accBits > Long.SIZE)
            throw new UserInputException("exact accumulation of %d %s products needs %d bits, more than the 64 this "
                    .formatted(reductionLength, pair, accBits) + "arithmetic holds (the unit can still be priced); "
                    + "use accumulator fixed:BITS or float:FORMAT to run it");
    }

    /**
     * Each code of a format split as the hardware splits it: value = (−1)^sign · significand · 2^(shift + q).
     *
     * @param maxShift        the largest shift of a finite code (the format's binades above its lowest, used)
     * @param significandBits M + 1
     * @param quantumExponent q = 1 − bias − M, the weight of the lowest binade's last bit
     */
    record Fields(MinifloatFormat format, long[] significand, int[] shift, boolean[] negative, boolean[] finite,
                  int maxShift, int significandBits, int quantumExponent) {
        static Fields of(MinifloatFormat f) {
            if (f.exponentZero() == ExponentZero.NORMAL)
                throw new UserInputException("%s has no zero exponent code for zero and subnormals (like e8m0); an "
                        .formatted(f.name()) + "FPGA MAC unit runs " + FpgaMacUnit.SUPPORTED);
            int n = f.codeCount();
            int m = f.mantissaBits();
            int fieldMask = (1 << f.exponentBits()) - 1;
            long[] sig = new long[n];
            int[] shift = new int[n];
            boolean[] negative = new boolean[n];
            boolean[] finite = new boolean[n];
            int maxShift = 0;
            int q = 1 - f.bias() - m;
            for (int code = 0; code < n; code++) {
                double v = f.decode(code);
                finite[code] = Double.isFinite(v);
                negative[code] = f.signed() && (code >>> (f.exponentBits() + m)) != 0;
                int field = (code >>> m) & fieldMask;
                long mantissa = code & ((1L << m) - 1);
                boolean flushed = field == 0 && f.exponentZero() == ExponentZero.FLUSH;
                sig[code] = flushed ? 0 : field == 0 ? mantissa : (1L << m) | mantissa;
                shift[code] = field == 0 ? 0 : field - 1;
                if (!finite[code])
                    continue;
                maxShift = Math.max(maxShift, shift[code]);
                double rebuilt = Math.scalb((double) sig[code], shift[code] + q);
                if ((negative[code] ? -rebuilt : rebuilt) != v && !(v == 0 && rebuilt == 0))
                    throw new IllegalStateException("%s code %d: fields give %s, the format %s".formatted(f.name(),
                            code, negative[code] ? -rebuilt : rebuilt, v));
            }
            return new Fields(f, sig, shift, negative, finite, maxShift, m + 1, q);
        }

        void requireFinite(long code) {
            if (code < 0 || code >= finite.length)
                throw new IllegalArgumentException("code %d is not a %d-bit pattern of %s".formatted(code,
                        format.bits(), format.name()));
            if (!finite[(int) code])
                throw new IllegalArgumentException("%s code %d is %s; the FPGA MAC unit has no special values"
                        .formatted(format.name(), code, format.decode((int) code)));
        }

        /** The exact value of a finite code as a dyadic rational. */
        Dyadic value(long code) {
            int c = (int) code;
            return Dyadic.of(negative[c] ? -significand[c] : significand[c], shift[c] + quantumExponent);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public OperandFormats formats() {
        return OperandFormats.of(weight, activation);
    }

    @Override
    public FpgaAccumulator accumulator() {
        return accumulator;
    }

    @Override
    public int accumulatorBits() {
        return accBits;
    }

    @Override
    public long reductionLength() {
        return reductionLength;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    /** What the fixed-point accumulator's lowest bit is worth: 2^(qa + qw). */
    public int accumulatorQuantumExponent() {
        return a.quantumExponent + w.quantumExponent;
    }

    // Arithmetic: operands are codes (activation a, weight w).
    @Override
    public MacArithmetic arithmetic() {
        requireLongArithmetic();
        if (accumulator instanceof FpgaAccumulator.Floating f)
            return floatArithmetic(f.format());
        int bits = accBits;
        Overflow overflow = accumulator instanceof FpgaAccumulator.Fixed f ? f.overflow() : Overflow.WRAP;
        Fields fa = a;
        Fields fw = w;
        return (acc, x, y) -> {
            fa.requireFinite(x);
            fw.requireFinite(y);
            int ix = (int) x;
            int iy = (int) y;
            long aligned = (fa.significand[ix] * fw.significand[iy]) << (fa.shift[ix] + fw.shift[iy]);
            return IntAccumulator.add(acc, fa.negative[ix] ^ fw.negative[iy] ? -aligned : aligned, bits, overflow);
        };
    }

    /**
     * acc ← round(acc + a·w). When every product is exact in an fp32 or fp16 accumulator, the machine's float units
     * give that one rounding ({@link FloatAccumulate}: rounding an exact product changes nothing); otherwise the
     * exact path ({@link #exactFloatArithmetic}) runs.
     */
    private MacArithmetic floatArithmetic(FloatFormat format) {
        if (!productsExactIn(format))
            return exactFloatArithmetic(format);
        FloatAccumulate fast = FloatAccumulate.of(format);
        Fields fa = a;
        Fields fw = w;
        return (acc, x, y) -> {
            fa.requireFinite(x);
            fw.requireFinite(y);
            int ix = (int) x;
            int iy = (int) y;
            double product = Math.scalb((double) (fa.significand[ix] * fw.significand[iy]),
                    fa.shift[ix] + fw.shift[iy] + fa.quantumExponent + fw.quantumExponent);
            return fast.add(acc, fa.negative[ix] ^ fw.negative[iy] ? -product : product);
        };
    }

    /** The float accumulate with exact values and one explicit rounding: the reference the fast path must match. */
    public MacArithmetic exactFloatArithmetic(FloatFormat format) {
        Fields fa = a;
        Fields fw = w;
        return (acc, x, y) -> {
            fa.requireFinite(x);
            fw.requireFinite(y);
            ExtendedReal product = ExtendedReal.of(fa.value(x).multiply(fw.value(y)));
            return ExtendedReal.of(format, acc).add(product).roundTo(format);
        };
    }

    private boolean productsExactIn(FloatFormat format) {
        boolean fast = format.equals(FloatFormat.FP32) || format.equals(FloatFormat.FP16);
        if (!fast || (long) weight.codeCount() * activation.codeCount() > 1L << 20)
            return false;
        for (int x = 0; x < activation.codeCount(); x++) {
            if (!a.finite[x])
                continue;
            for (int y = 0; y < weight.codeCount(); y++) {
                if (!w.finite[y])
                    continue;
                double p = activation.decode(x) * weight.decode(y);
                if (format.toDouble(format.fromDouble(p)) != p)
                    return false;
            }
        }
        return true;
    }

    @Override
    public Operands operands() {
        requireLongArithmetic();
        if (accumulator instanceof FpgaAccumulator.Floating f)
            return PeOperands.floatCodes(activation, weight, f.format());
        int q = accumulatorQuantumExponent();
        return new Operands() {
            @Override
            public long activation(double value) {
                return PeOperands.codeOf(activation, value);
            }

            @Override
            public long weight(double value) {
                return PeOperands.codeOf(weight, value);
            }

            @Override
            public long zeroAccumulator() {
                return 0;
            }

            @Override
            public double accumulatorValue(long acc) {
                return Math.scalb((double) acc, q);
            }

            @Override
            public String description() {
                return "codes of %s (activations) and %s (weights); accumulator: %d-bit fixed point in units of 2^%d"
                        .formatted(activation.name(), weight.name(), accBits, q);
            }
        };
    }

    @Override
    public MacUnitCost cost(FpgaFamily family, MultiplierStyle style) {
        Accumulation acc = accumulator instanceof FpgaAccumulator.Floating f
                ? new Accumulation.Floating(f.format().exponentBits(), f.format().mantissaBits())
                : new Accumulation.Fixed(accBits);
        try {
            return MacUnitCosts.minifloat(operand(weight), operand(activation), acc, lanes, style, family);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("%s on %s: %s".formatted(formats(), family.name(), e.getMessage()), e);
        }
    }

    private static FloatOperand operand(MinifloatFormat f) {
        return new FloatOperand(f.exponentBits(), f.mantissaBits(), f.signed());
    }
}
