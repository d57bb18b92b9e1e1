package org.bitsweep.workloads.nn;

import java.util.Arrays;

import org.bitsweep.workloads.arith.Bits;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;

/**
 * A weighted layer whose arithmetic is an integer register that each MAC moves by exactly a·w
 * ({@link MacForm.IntegerSum}), run as exact integer sums in loops the JIT vectorizes. That is the register's result
 * bit for bit when it wraps (a wrapped sum depends only on the exact sum modulo 2^bits, and int or long additions
 * keep it modulo 2^32 or 2^64), or when it saturates but no partial sum can reach its limits: the group's length
 * times the largest excursion over the operands the layer can meet stays within the range. Where that bound fails
 * for the whole activation format (fp16 activations reach 65,504) it is checked again per image, over the image's
 * own activations, and an image that could reach the limits runs MAC by MAC.
 *
 * <p>Sums run in int where that is exact (every partial sum within the int range, or a wrapping register of at most 32
 * bits), otherwise in long. A convolution runs one dot product per output position over its contiguous patch, or,
 * for short patches (conv1: K = 25) in int, all positions at once per kernel tap, a vectorized axpy with zero
 * weights skipped: exact integer sums do not depend on the order.
 */
final class IntegerSumLayer implements DotProductLayer {
    // Below this K, a per-position dot product is too short for the vector loops to pay (measured on conv1).
    private static final int MIN_DOT_LENGTH = 64;

    private final Geometry geometry;
    private final ActivationQuantizer input;
    private final Operands operands;
    /** Operands of the activation indexes; null where the operand of an integer code is the integer itself. */
    private final long[] activationOperands;
    private final int activationOffset;
    private final int[] weights;
    private final long[] wideWeights;
    private final int registerBits;
    private final boolean wraps;
    private final boolean positionMajor;
    /** e where an accumulator's value is acc·2^e (0 for integers), or {@link Integer#MIN_VALUE}: ask the operands. */
    private final int accumulatorExponent;
    /** Integer-only outputs (HAWQ-V3), or null for outputs in float. */
    private final DyadicOutput dyadic;
    /**
     * Where saturation is excluded per image: the largest excursion over the layer's weights of each activation
     * index (at index + offset), the largest excursion an image may reach, and the layer to run one that does not.
     */
    private final long[] excursions;
    private final long excursionLimit;
    private final MacByMacLayer fallback;

    private IntegerSumLayer(Geometry geometry, ActivationQuantizer input, Operands operands, long[] activationOperands,
                            long[] weightOperands, boolean wide, MacForm.IntegerSum form, DyadicOutput dyadic,
                            long[] excursions, MacByMacLayer fallback) {
        this.geometry = geometry;
        this.input = input;
        this.operands = operands;
        this.activationOperands = activationOperands;
        this.activationOffset = input.indexOffset();
        this.wideWeights = wide ? weightOperands : null;
        this.weights = wide ? null : toInts(weightOperands);
        this.registerBits = form.registerBits();
        this.wraps = !form.saturating() && form.registerBits() < 64;
        this.positionMajor = wide || dyadic != null || geometry.groupSize() >= MIN_DOT_LENGTH;
        this.accumulatorExponent = operands.accumulatorExponent().orElse(Integer.MIN_VALUE);
        this.dyadic = dyadic;
        this.excursions = excursions;
        this.excursionLimit = Bits.maxSigned(form.registerBits()) / geometry.groupSize();
        this.fallback = fallback;
    }

    /**
     * The layer, or null where exact sums cannot stand for the register (sums too wide for a long).
     *
     * @param fallback the layer MAC by MAC, for images whose activations could saturate the register
     */
    static IntegerSumLayer of(Geometry geometry, ActivationQuantizer input, Operands operands, long[] weightOperands,
                              MacForm.IntegerSum form, DyadicOutput dyadic, MacByMacLayer fallback) {
        long[] table = input.operandTable(operands);
        long maxActivation = 0;
        for (long a : table)
            if (a != ActivationQuantizer.NO_OPERAND)
                maxActivation = Math.max(maxActivation, Math.abs(a));
        long maxWeight = 0;
        for (long w : weightOperands)
            maxWeight = Math.max(maxWeight, Math.abs(w));
        double largestSum = (double) maxWeight * maxActivation * geometry.groupSize();
        long[] excursions = form.saturating() ? excursions(table, weightOperands, geometry.groupSize(), form) : null;
        boolean exactInLong = largestSum < 0x1p62 || !form.saturating();
        if (!exactInLong)
            return null;
        boolean exactInInt = largestSum <= Integer.MAX_VALUE || (!form.saturating() && form.registerBits() <= 32);
        boolean intOperands = maxWeight <= Integer.MAX_VALUE && maxActivation <= Integer.MAX_VALUE;
        long[] activationOperands = input.format() instanceof IntFormat && identity(table, input.indexOffset())
                ? null : table;
        return new IntegerSumLayer(geometry, input, operands, activationOperands, weightOperands,
                !(exactInInt && intOperands), form, dyadic, excursions, fallback);
    }

    /**
     * For each activation index, the largest excursion over the distinct weight operands; or null where the
     * largest of them all, times the group's length, stays within the register, so that no image needs a check.
     */
    private static long[] excursions(long[] table, long[] weightOperands, int groupSize, MacForm.IntegerSum form) {
        long[] distinct = Arrays.stream(weightOperands).distinct().toArray();
        long[] largest = new long[table.length];
        long overall = 0;
        for (int index = 0; index < table.length; index++) {
            if (table[index] == ActivationQuantizer.NO_OPERAND)
                continue;
            for (long w : distinct) {
                long e = form.excursion().applyAsLong(table[index], w);
                largest[index] = Math.max(largest[index], e < 0 ? Long.MAX_VALUE : e);   // e < 0: overflowed a long
            }
            overall = Math.max(overall, largest[index]);
        }
        return (double) overall * groupSize <= Bits.maxSigned(form.registerBits()) ? null : largest;
    }

    /** Whether the image's activation indexes keep every group's register off its limits. */
    private boolean staysInRange(int[] indexes, int n) {
        long largest = 0;
        for (int i = 0; i < n; i++)
            largest = Math.max(largest, excursions[indexes[i] + activationOffset]);
        return largest <= excursionLimit;
    }

    /** Whether table[i] = i − offset throughout: integer codes are their own operands. */
    private static boolean identity(long[] table, int offset) {
        for (int i = 0; i < table.length; i++)
            if (table[i] != i - offset)
                return false;
        return true;
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++)
            ints[i] = Math.toIntExact(values[i]);
        return ints;
    }

    /** A group's register after its exact sum. */
    private long register(long sum) {
        return wraps ? Bits.wrapSigned(sum, registerBits) : sum;
    }

    /** The value of a group's register after its sum. */
    private double value(long sum) {
        long acc = register(sum);
        if (accumulatorExponent == 0)
            return acc;
        return accumulatorExponent == Integer.MIN_VALUE ? operands.accumulatorValue(acc)
                : Math.scalb((double) acc, accumulatorExponent);
    }

    @Override
    public String describe() {
        return "exact integer sums (%s)%s".formatted(wideWeights == null ? "int" : "long",
                dyadic == null ? "" : ", dyadic requantization");
    }

    @Override
    public Worker worker() {
        return wideWeights == null ? new IntWorker() : new LongWorker();
    }

    private final class IntWorker implements Worker {
        private final Worker fallbackWorker = excursions == null ? null : fallback.worker();
        private final int[] indexes = new int[geometry.input().size()];
        private final int[] values = new int[geometry.input().size()];
        private final int[] columns;
        private final int[] padded;
        private final int[] sums = new int[geometry.positions()];
        private final double[] scaled = new double[geometry.positions()];

        IntWorker() {
            Conv2d c = geometry.layer() instanceof Conv2d conv ? conv : null;
            columns = c == null ? null : new int[c.reduction() * geometry.positions()];
            padded = c == null ? null : new int[Kernels.paddedSize(geometry.input(), c)];
        }

        @Override
        public boolean forward(float[] x, float[] y) {
            if (excursions != null) {
                input.indexes(x, x.length, indexes);
                if (!staysInRange(indexes, x.length))
                    return fallbackWorker.forward(x, y);
            }
            if (activationOperands == null) {
                input.integers(x, x.length, values);
            } else {
                input.indexes(x, x.length, indexes);
                if (!MacByMacLayer.allHaveOperands(activationOperands, activationOffset, indexes, x.length))
                    return false;
                for (int i = 0; i < x.length; i++)
                    values[i] = (int) activationOperands[indexes[i] + activationOffset];
            }
            float[] bias = geometry.bias();
            if (!(geometry.layer() instanceof Conv2d c)) {
                for (int o = 0; o < bias.length; o++)
                    y[o] = output(values, 0, o);
                return true;
            }
            int positions = geometry.positions();
            if (positionMajor) {
                Kernels.im2colTransposed(values, geometry.input(), c, geometry.output(), padded, columns);
                for (int o = 0; o < bias.length; o++)
                    for (int p = 0; p < positions; p++)
                        y[o * positions + p] = output(columns, p * c.reduction(), o);
                return true;
            }
            Kernels.im2col(values, geometry.input(), c, geometry.output(), columns);
            int k = c.reduction();
            for (int o = 0; o < bias.length; o++) {
                Arrays.fill(scaled, 0, positions, 0);
                for (int g = 0; g < geometry.groupsPerRow(); g++) {
                    double s = geometry.scale(o, g);
                    Arrays.fill(sums, 0, positions, 0);
                    for (int j = geometry.groupStart(g); j < geometry.groupEnd(g); j++)
                        if (weights[o * k + j] != 0)
                            Kernels.axpy(weights[o * k + j], columns, j * positions, sums, 0, positions);
                    for (int p = 0; p < positions; p++)
                        scaled[p] += value(sums[p]) * s;
                }
                for (int p = 0; p < positions; p++)
                    y[o * positions + p] = (float) (scaled[p] + bias[o]);
            }
            return true;
        }

        /** Output o for the activations a[aFrom … aFrom + K). */
        private float output(int[] a, int aFrom, int o) {
            int k = geometry.reduction();
            if (dyadic != null)
                return dyadic.output(o, register(Kernels.dot(a, aFrom, weights, o * k, k)));
            return (float) (dot(a, aFrom, o) + geometry.bias()[o]);
        }

        /** Σ_g value(acc_g)·scale(o, g) for weight row o against a[aFrom … aFrom + K). */
        private double dot(int[] a, int aFrom, int o) {
            int k = geometry.reduction();
            double sum = 0;
            for (int g = 0; g < geometry.groupsPerRow(); g++) {
                int from = geometry.groupStart(g);
                int acc = Kernels.dot(a, aFrom + from, weights, o * k + from, geometry.groupEnd(g) - from);
                sum += value(acc) * geometry.scale(o, g);
            }
            return sum;
        }
    }

    private final class LongWorker implements Worker {
        private final Worker fallbackWorker = excursions == null ? null : fallback.worker();
        private final int[] indexes = new int[geometry.input().size()];
        private final long[] values;
        private final int[] columns;
        private final int[] padded;

        LongWorker() {
            Conv2d c = geometry.layer() instanceof Conv2d conv ? conv : null;
            columns = c == null ? null : new int[c.reduction() * geometry.positions()];
            padded = c == null ? null : new int[Kernels.paddedSize(geometry.input(), c)];
            values = new long[c == null ? geometry.input().size() : columns.length];
        }

        @Override
        public boolean forward(float[] x, float[] y) {
            input.indexes(x, x.length, indexes);
            if (activationOperands != null
                    && !MacByMacLayer.allHaveOperands(activationOperands, activationOffset, indexes, x.length))
                return false;
            if (excursions != null && !staysInRange(indexes, x.length))
                return fallbackWorker.forward(x, y);
            float[] bias = geometry.bias();
            if (!(geometry.layer() instanceof Conv2d c)) {
                operands(indexes, values);
                for (int o = 0; o < bias.length; o++)
                    y[o] = output(values, 0, o);
                return true;
            }
            // The patches as indexes (0, the padding, is the index of the value 0), then as operands.
            Kernels.im2colTransposed(indexes, geometry.input(), c, geometry.output(), padded, columns);
            operands(columns, values);
            int positions = geometry.positions();
            for (int o = 0; o < bias.length; o++)
                for (int p = 0; p < positions; p++)
                    y[o * positions + p] = output(values, p * c.reduction(), o);
            return true;
        }

        private void operands(int[] from, long[] to) {
            for (int i = 0; i < from.length; i++)
                to[i] = activationOperands == null ? from[i] : activationOperands[from[i] + activationOffset];
        }

        private float output(long[] a, int aFrom, int o) {
            int k = geometry.reduction();
            if (dyadic != null)
                return dyadic.output(o, register(Kernels.dot(a, aFrom, wideWeights, o * k, k)));
            return (float) (dot(a, aFrom, o) + geometry.bias()[o]);
        }

        private double dot(long[] a, int aFrom, int o) {
            int k = geometry.reduction();
            double sum = 0;
            for (int g = 0; g < geometry.groupsPerRow(); g++) {
                int from = geometry.groupStart(g);
                long acc = Kernels.dot(a, aFrom + from, wideWeights, o * k + from, geometry.groupEnd(g) - from);
                sum += value(acc) * geometry.scale(o, g);
            }
            return sum;
        }
    }
}
