package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.CastOverflow;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * No scale: each value is converted to the format as a dtype cast does (round to nearest even), so results can be
 * compared value by value with ml_dtypes or PyTorch. Beyond the range, minifloats follow the chosen overflow policy;
 * other formats saturate.
 */
final class CastCodec implements GroupCodec {
    private final NumberFormat format;
    private final CastOverflow overflow;

    CastCodec(NumberFormat format, CastOverflow overflow) {
        this.format = format;
        this.overflow = overflow;
    }

    @Override
    public int bitsPerGroup() {
        return 0;
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        double error = 0;
        for (int i = from; i < to; i++) {
            int code = format instanceof MinifloatFormat m ? m.encode(x[i], overflow) : format.encode(x[i]);
            float v = (float) format.decode(code);
            codes[i] = code;
            values[i] = v;
            double d = (double) x[i] - v;
            error += d * d;
        }
        return error;
    }
}
