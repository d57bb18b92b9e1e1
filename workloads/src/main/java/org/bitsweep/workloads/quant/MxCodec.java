package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.MxFormat;

/**
 * One OCP MX block: the shared E8M0 scale 2^(⌊log2 max|x|⌋ − emax) and each element x/scale rounded to nearest
 * even in the element format, saturating (INT8 at ±127/64). The reference implementation (microsoft/microxcaling)
 * rounds ties away from zero by default; exact ties are the only place the two differ.
 */
final class MxCodec implements GroupCodec {
    private final MxFormat format;

    MxCodec(MxFormat format) {
        this.format = format;
    }

    @Override
    public int bitsPerGroup() {
        return MxFormat.SCALE_BITS;
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        double absmax = 0;
        for (int i = from; i < to; i++)
            absmax = Math.max(absmax, Math.abs(x[i]));
        int exponent = format.sharedExponent(absmax);
        double scale = exponent == Integer.MAX_VALUE ? Double.NaN : Math.scalb(1.0, exponent);
        record.scales()[group] = scale;
        double error = 0;
        for (int i = from; i < to; i++) {
            int code = Double.isNaN(scale) ? 0 : format.encode(x[i] / scale);
            float v = (float) (format.decode(code) * scale);
            codes[i] = code;
            values[i] = v;
            double d = (double) x[i] - v;
            error += d * d;
        }
        return error;
    }
}
