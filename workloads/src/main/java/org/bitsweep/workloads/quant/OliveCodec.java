package org.bitsweep.workloads.quant;

import java.util.Arrays;
import java.util.List;

import org.bitsweep.workloads.format.LookupFormat;
import org.bitsweep.workloads.format.OliveFormat;

/**
 * OliVe's outlier-victim pairs for one group (a tensor, a channel or a group of a row).
 *
 * <p>Scale: values are divided by s so that the normal grid ends at the format's normal limit (32). OliVe searches
 * its clipping from |mean ± 3σ|; here s starts at max(|μ − 3σ|, |μ + 3σ|) / 32 and the least-error of
 * s·2^(k/8), k = −8 … 8, is kept, for each normal type, and the least-error (type, scale) wins.
 *
 * <p>Codes (4 bits, sign-magnitude): a normal value is sign·magnitude-index (index 0 is zero, 1 … 7 the type's
 * positive magnitudes ascending); an outlier is sign·(1 + its index among the abfloat magnitudes); the victim beside
 * an outlier holds 0b1000, "negative zero", which no normal value uses. A pair whose one code is 0b1000 therefore
 * decodes its other code as an outlier ({@link #decodePair}). The last element of a group of odd length has no
 * partner to give up as its victim, so it is always a normal value (clipped to the normal range): otherwise its code
 * could not be told from a normal one.
 */
final class OliveCodec implements GroupCodec {
    static final int VICTIM = OliveFormat.VICTIM_CODE;
    private static final int SIGN = 0b1000;
    private static final int SEARCH_STEPS = 8;

    private final OliveFormat format;
    private final ScaleStore scales;
    private final double[][] magnitudes;

    OliveCodec(OliveFormat format, QuantConfig c) {
        this.format = format;
        this.scales = new ScaleStore(c.scaleFormat());
        this.magnitudes = new double[format.normalTypes().size()][];
        for (int t = 0; t < magnitudes.length; t++)
            magnitudes[t] = format.normalMagnitudes(t);
        for (double[] m : magnitudes)
            if (m.length != 8)
                throw new IllegalArgumentException(format.name() + ": normal types need 7 positive magnitudes");
    }


    @Override
    public int bitsPerGroup() {
        return scales.bits() + (32 - Integer.numberOfLeadingZeros(format.normalTypes().size() - 1));
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        double start = startScale(x, from, to);
        float[] slice = Arrays.copyOfRange(x, from, to);
        int[] tryCodes = new int[slice.length];
        float[] tryValues = new float[slice.length];
        double bestError = Double.POSITIVE_INFINITY;
        int bestType = 0;
        double bestScale = 1;
        List<LookupFormat> types = format.normalTypes();
        for (int t = 0; t < types.size(); t++)
            for (int k = -SEARCH_STEPS; k <= SEARCH_STEPS; k++) {
                double scale = scales.store(start * Math.pow(2, k / (double) SEARCH_STEPS));
                double error = apply(t, scale, slice, 0, slice.length, tryCodes, tryValues);
                if (error < bestError) {
                    bestError = error;
                    bestType = t;
                    bestScale = scale;
                }
            }
        record.scales()[group] = bestScale;
        record.selectors()[group] = bestType;
        double error = apply(bestType, bestScale, x, from, to, codes, values);
        return error;
    }

    private double startScale(float[] x, int from, int to) {
        double sum = 0;
        double absmax = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
            absmax = Math.max(absmax, Math.abs(x[i]));
        }
        double mean = sum / (to - from);
        double var = 0;
        for (int i = from; i < to; i++)
            var += (x[i] - mean) * (x[i] - mean);
        double sigma = Math.sqrt(var / (to - from));
        double clip = Math.max(Math.abs(mean - 3 * sigma), Math.abs(mean + 3 * sigma));
        if (!(clip > 0))
            clip = absmax;
        return clip > 0 ? clip / format.normalLimit() : 1;
    }

    private double apply(int type, double scale, float[] x, int from, int to, int[] codes, float[] values) {
        double[] mags = magnitudes[type];
        double limit = format.normalLimit();
        double error = 0;
        for (int i = from; i < to; i += 2) {
            int j = i + 1;
            double a = x[i] / scale;
            double b = j < to ? x[j] / scale : 0;
            if (Math.abs(a) > limit && j < to) {
                outlier(a, scale, i, codes, values);
                victim(j, codes, values);
            } else if (j < to && Math.abs(b) > limit) {
                victim(i, codes, values);
                outlier(b, scale, j, codes, values);
            } else {
                normal(a, mags, scale, i, codes, values);
                if (j < to)
                    normal(b, mags, scale, j, codes, values);
            }
            double d = (double) x[i] - values[i];
            error += d * d;
            if (j < to) {
                d = (double) x[j] - values[j];
                error += d * d;
            }
        }
        return error;
    }

    private void outlier(double v, double scale, int i, int[] codes, float[] values) {
        double m = format.nearestOutlier(Math.abs(v));
        int index = Arrays.binarySearch(format.outlierMagnitudes(), m);
        codes[i] = (v < 0 ? SIGN : 0) | (index + 1);
        values[i] = (float) (Math.copySign(m, v) * scale);
    }

    private static void victim(int i, int[] codes, float[] values) {
        codes[i] = VICTIM;
        values[i] = 0;
    }

    private static void normal(double v, double[] mags, double scale, int i, int[] codes, float[] values) {
        double a = Math.abs(v);
        int best = 0;
        for (int k = 1; k < mags.length; k++)
            if (Math.abs(mags[k] - a) < Math.abs(mags[best] - a))
                best = k;
        codes[i] = best == 0 ? 0 : (v < 0 ? SIGN : 0) | best;
        values[i] = (float) (Math.copySign(mags[best], v) * scale);
    }
}
