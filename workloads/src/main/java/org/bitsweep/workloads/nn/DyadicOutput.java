package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.format.IntFormat;

/**
 * A layer's integer-only output ({@link Requantization.Dyadic}): per output channel o, the code the next layer reads,
 * {@code q = clamp(round((acc + bias_o)·m_o / 2^shift_o))}, with {@code bias_o} the FP32 bias in units of
 * s_w,o·s_a (nearest integer) and {@code m_o / 2^shift_o} the dyadic form of s_w,o·s_a / s_next; the layer writes
 * {@code q·s_next}, exact in float, which the next layer's quantizer maps back to q.
 *
 * @param perChannel whether there is one requantizer per output channel (else one for the tensor)
 */
record DyadicOutput(DyadicRequantizer[] requantizers, long[] biases, boolean perChannel, long minCode, long maxCode,
                    double nextScale) {
    /**
     * @param weightScales one per output channel or one for the tensor
     * @param next         the next weighted layer's input quantizer
     */
    static DyadicOutput of(double[] weightScales, double inputScale, float[] bias, ActivationQuantizer next,
                           Requantization.Dyadic d) {
        boolean perChannel = weightScales.length > 1;
        DyadicRequantizer[] r = new DyadicRequantizer[weightScales.length];
        for (int j = 0; j < r.length; j++)
            r[j] = DyadicRequantizer.of(weightScales[j], inputScale, next.scale(), d.multiplierBits());
        long[] biases = new long[bias.length];
        for (int o = 0; o < bias.length; o++)
            biases[o] = DyadicRequantizer.nearestInteger(bias[o], weightScales[perChannel ? o : 0], inputScale);
        IntFormat f = (IntFormat) next.format();
        return new DyadicOutput(r, biases, perChannel, f.minInt(), f.maxInt(), next.scale());
    }

    /** What the layer writes for output channel o given its accumulator. */
    float output(int o, long acc) {
        long q = requantizers[perChannel ? o : 0].apply(Math.addExact(acc, biases[o]));
        return (float) (Math.max(minCode, Math.min(maxCode, q)) * nextScale);
    }
}
