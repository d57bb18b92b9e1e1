package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * Static quantization of one layer's input, as an accelerator does it: one scale for the whole tensor, fixed in
 * advance from calibration images, then each value is {@code code = nearest(x / scale)} (ties to even, saturating at
 * the format's range) and stands for {@code value(code) · scale}. A cast ({@link Granularity#NONE}) has scale 1.
 */
public final class ActivationQuantizer {
    private final NumberFormat format;
    private final double scale;
    private final IntFormat integer;
    private final boolean carriesNaN;

    public ActivationQuantizer(NumberFormat format, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            throw new IllegalArgumentException("activation scale must be finite and > 0, got " + scale);
        this.format = format;
        this.scale = scale;
        this.integer = format instanceof IntFormat i ? i : null;
        this.carriesNaN = format instanceof MinifloatFormat m && m.hasNaN();
    }

    /**
     * The scale the quantizer of {@code config} gives the whole of {@code calibration} (the activations of every
     * calibration image, one row each): min-max, percentile or MSE clipping as configured, the scale rounded to the
     * config's scale format, exactly as a weight tensor's would be.
     */
    public static ActivationQuantizer calibrate(QuantConfig config, Tensor calibration) {
        if (config.granularity() instanceof Granularity.None)
            return new ActivationQuantizer(config.format(), 1);
        QuantConfig perTensor = new QuantConfig(config.format(), Granularity.TENSOR, false, config.calibration(),
                config.rounding(), config.seed(), config.scaleFormat(), config.overflow());
        QuantizedTensor q = new Quantizer(perTensor).quantize(calibration);
        return new ActivationQuantizer(config.format(), q.scales()[0]);
    }

    public NumberFormat format() {
        return format;
    }

    public double scale() {
        return scale;
    }

    /** Replaces x[0 … n) by the values their codes stand for. */
    void fakeQuantize(float[] x, int n) {
        if (integer != null) {
            double lo = integer.minInt();
            double hi = integer.maxInt();
            for (int i = 0; i < n; i++) {
                double q = Math.rint(x[i] / scale);
                x[i] = (float) ((q < lo ? lo : q > hi ? hi : q) * scale);
            }
            return;
        }
        for (int i = 0; i < n; i++)
            x[i] = (float) (format.decode(format.encode(x[i] / scale)) * scale);
    }

    /** The integer each x[0 … n) is coded as (integer formats only): round(x / scale), saturated. */
    void integers(float[] x, int n, int[] out) {
        double lo = integer.minInt();
        double hi = integer.maxInt();
        for (int i = 0; i < n; i++) {
            double q = Math.rint(x[i] / scale);
            out[i] = (int) (q < lo ? lo : q > hi ? hi : q);
        }
    }

    /**
     * An index for each x[0 … n) from which {@link #operandTable} gives its operand, 0 standing for the value 0 (so
     * that a convolution's zero padding needs no translation): the integer itself for integer formats, otherwise
     * the code XOR the code of +0. A NaN (an accumulator that overflowed upstream, then ∞ − ∞) in a format that has
     * no NaN gets {@link #nanIndex}, past every code, whose operand is {@link #NO_OPERAND}.
     */
    void indexes(float[] x, int n, int[] out) {
        if (integer != null) {
            integers(x, n, out);
            return;
        }
        int zero = zeroCode();
        for (int i = 0; i < n; i++) {
            float v = x[i];
            out[i] = v != v && !carriesNaN ? nanIndex() : format.encode(v / scale) ^ zero;
        }
    }

    /** The code an {@link #indexes index} stands for; -1 for {@link #nanIndex}, which stands for no code. */
    int codeOfIndex(int index) {
        if (integer != null)
            return integer.encodeInt(index);
        return index == nanIndex() ? -1 : index ^ zeroCode();
    }

    /** Added to an {@link #indexes index} to look its operand up in {@link #operandTable}. */
    int indexOffset() {
        return integer == null ? 0 : (int) -integer.minInt();
    }

    /** The table entry of an index no operand stands for. */
    static final long NO_OPERAND = Long.MIN_VALUE;

    /**
     * The operand of every index, at index + {@link #indexOffset()}. NaN and ±∞ get the operand the PE gives them
     * (a float PE's NaN and ∞ codes); where it has none, and for unused codes, {@link #NO_OPERAND}.
     */
    long[] operandTable(Operands operands) {
        if (integer != null) {
            long lo = integer.minInt();
            long[] table = new long[Math.toIntExact(integer.maxInt() - lo + 1)];
            for (int i = 0; i < table.length; i++)
                table[i] = operands.activation(lo + i);
            return table;
        }
        int zero = zeroCode();
        long[] table = new long[nanIndex() + 1];
        table[nanIndex()] = NO_OPERAND;
        for (int index = 0; index < nanIndex(); index++) {
            int code = index ^ zero;
            if (code >= format.codeCount()) {
                table[index] = NO_OPERAND;
                continue;
            }
            double v = format.decode(code);
            if (Double.isFinite(v)) {
                table[index] = operands.activation(v);
                continue;
            }
            try {
                table[index] = operands.activation(v);
            } catch (IllegalArgumentException e) {
                table[index] = NO_OPERAND;                  // fixed-point operands hold no NaN or ∞
            }
        }
        return table;
    }

    private int nanIndex() {
        return 1 << format.bits();
    }

    private int zeroCode() {
        int zero = format.encode(0.0);
        if (format.decode(zero) != 0)
            throw new UserInputException(("activations: %s has no zero, which zero padding and ReLU need; choose a "
                    + "format with a zero").formatted(format.name()));
        return zero;
    }

    /** The largest magnitude of an integer code: what bounds the integer accumulators. */
    long maxMagnitude() {
        return Math.max(Math.abs(integer.minInt()), integer.maxInt());
    }
}
