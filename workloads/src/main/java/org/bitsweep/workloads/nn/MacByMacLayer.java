package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.quant.QuantizedTensor;

/**
 * A weighted layer run MAC by MAC through a supplied arithmetic, each group's dot product from
 * {@link Operands#zeroAccumulator()} in order k = 0, 1, …, over the weight's operands ({@code outputs × K}) and the
 * operand of every activation index: the reference the fast layers ({@link IntegerSumLayer}, {@link Fp32SumLayer})
 * are tested against, and the path of any arithmetic whose {@link org.bitsweep.workloads.arith.MacForm} is unknown.
 */
final class MacByMacLayer implements DotProductLayer {
    private final Geometry geometry;
    private final ActivationQuantizer input;
    private final long[] weights;
    private final long[] activationOperands;
    private final int activationOffset;
    private final MacArithmetic arithmetic;
    private final Operands operands;
    private final DyadicOutput dyadic;

    /** @param dyadic integer-only outputs (HAWQ-V3), or null for outputs in float */
    MacByMacLayer(Geometry geometry, ActivationQuantizer input, long[] weights, MacArithmetic arithmetic,
                  Operands operands, DyadicOutput dyadic) {
        this.geometry = geometry;
        this.input = input;
        this.weights = weights;
        this.activationOperands = input.operandTable(operands);
        this.activationOffset = input.indexOffset();
        this.arithmetic = arithmetic;
        this.operands = operands;
        this.dyadic = dyadic;
    }

    /** The operand of every weight ({@code outputs × K}, row-major), from the value its code stands for. */
    static long[] weightOperands(QuantizedTensor q, Geometry geometry, Operands operands) {
        int k = geometry.reduction();
        long[] w = new long[q.codes().length];
        boolean perTensor = geometry.scaleRowStride() == 0;
        for (int j = 0; j < w.length; j++) {
            // What the weight was stored with: scales and a mixture's selectors are per tensor, row or group.
            int stored = geometry.storedGroup(j);
            int groupStart = perTensor ? 0 : (j / k) * k + (j % k) / geometry.groupSize() * geometry.groupSize();
            int groupEnd = perTensor ? w.length : Math.min((j / k) * k + k, groupStart + geometry.groupSize());
            w[j] = operands.weight(gridValue(q, stored, j, groupStart, groupEnd));
        }
        return w;
    }

    /**
     * The value weight j's code stands for before its scale: a mixture reads it through its group's choice of
     * type; OliVe in pairs (2i, 2i + 1) counted from its group's start.
     */
    private static double gridValue(QuantizedTensor q, int group, int j, int groupStart, int groupEnd) {
        int code = q.codes()[j];
        if (q.format() instanceof MixtureFormat m)
            return m.candidates().get(q.selectors()[group]).decode(code);
        if (q.format() instanceof OliveFormat o) {
            int type = q.selectors()[group];
            if ((j - groupStart) % 2 == 1)
                return o.decodePair(type, q.codes()[j - 1], code)[1];
            if (j + 1 < groupEnd)
                return o.decodePair(type, code, q.codes()[j + 1])[0];
            return partnerless(o, type, code, q.scales()[group], q.values()[j]);
        }
        return q.format().decode(code);
    }

    /**
     * OliVe's last element of a row whose group runs on into padding (K not a multiple of the group): its
     * partner, cropped away, may have been its victim. Of the two readings, normal or outlier, the one the
     * quantizer stored is the one that gives back its dequantized value.
     */
    private static double partnerless(OliveFormat o, int type, int code, double scale, float stored) {
        if ((code & 0b111) == 0)
            return 0;                               // a zero of either sign; no outlier has magnitude index 0
        double normal = o.decodePair(type, code, 0)[0];
        if ((float) (normal * scale) == stored)
            return normal;
        return o.decodePair(type, OliveFormat.VICTIM_CODE, code)[1];
    }

    /** Whether every activation index has an operand (see {@link DotProductLayer.Worker#forward}). */
    static boolean allHaveOperands(long[] table, int offset, int[] indexes, int n) {
        for (int i = 0; i < n; i++)
            if (table[indexes[i] + offset] == ActivationQuantizer.NO_OPERAND)
                return false;
        return true;
    }

    /** Output o for the activation indexes a[aFrom … aFrom + K): Σ_g value(acc_g)·scale(o, g) + b_o. */
    private float output(int[] a, int aFrom, int o) {
        if (dyadic != null)
            return dyadic.output(o, accumulate(a, aFrom, o, 0));
        double sum = 0;
        for (int g = 0; g < geometry.groupsPerRow(); g++)
            sum += operands.accumulatorValue(accumulate(a, aFrom, o, g)) * geometry.scale(o, g);
        return (float) (sum + geometry.bias()[o]);
    }

    /** Group g's accumulator for weight row o, MAC by MAC. */
    private long accumulate(int[] a, int aFrom, int o, int g) {
        int k = geometry.reduction();
        long acc = operands.zeroAccumulator();
        for (int j = geometry.groupStart(g); j < geometry.groupEnd(g); j++)
            acc = arithmetic.mac(acc, activationOperands[a[aFrom + j] + activationOffset], weights[o * k + j]);
        return acc;
    }

    @Override
    public String describe() {
        return "MAC by MAC";
    }

    @Override
    public Worker worker() {
        int[] indexes = new int[geometry.input().size()];
        if (!(geometry.layer() instanceof Conv2d c))
            return (x, y) -> {
                input.indexes(x, x.length, indexes);
                if (!allHaveOperands(activationOperands, activationOffset, indexes, x.length))
                    return false;
                for (int o = 0; o < y.length; o++)
                    y[o] = output(indexes, 0, o);
                return true;
            };
        int positions = geometry.positions();
        int[] padded = new int[Kernels.paddedSize(geometry.input(), c)];
        int[] patches = new int[c.reduction() * positions];
        return (x, y) -> {
            input.indexes(x, x.length, indexes);
            if (!allHaveOperands(activationOperands, activationOffset, indexes, x.length))
                return false;
            // Patch by patch, k = 0, 1, ...: the order the PE's arithmetic is defined in.
            Kernels.im2colTransposed(indexes, geometry.input(), c, geometry.output(), padded, patches);
            for (int o = 0; o < geometry.outputs(); o++)
                for (int p = 0; p < positions; p++)
                    y[o * positions + p] = output(patches, p * c.reduction(), o);
            return true;
        };
    }
}
