package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.IntFormat;

/**
 * Asymmetric integer quantization: the group's range [lo, hi] (widened to contain 0, so that 0 stays exact) maps
 * onto the unsigned codes 0 … 2^b − 1 with scale (hi − lo)/(2^b − 1) and zero point round(−lo/scale). Codes are
 * unsigned b-bit patterns; the value of code q is (q − zero point) · scale.
 */
final class AsymmetricIntCodec implements GroupCodec {
    private final IntFormat format;
    private final Calibration calibration;
    private final ScaleStore scales;
    private final double levels;

    AsymmetricIntCodec(IntFormat format, QuantConfig c) {
        this.format = format;
        this.calibration = c.calibration();
        this.scales = new ScaleStore(c.scaleFormat());
        this.levels = (1 << format.bits()) - 1;
    }

    @Override
    public int bitsPerGroup() {
        return scales.bits() + format.bits();
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        double lo = 0;
        double hi = 0;
        if (calibration instanceof Calibration.Percentile p) {
            lo = Math.min(0, Percentiles.ofValues(x, from, to, 100 - p.p()));
            hi = Math.max(0, Percentiles.ofValues(x, from, to, p.p()));
        } else {
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
        }
        double shrink = 1;
        if (calibration instanceof Calibration.Mse) {
            double best = Double.POSITIVE_INFINITY;
            float[] slice = java.util.Arrays.copyOfRange(x, from, to);
            int[] c = new int[slice.length];
            float[] v = new float[slice.length];
            for (int i = 0; i < Calibration.Mse.STEPS; i++) {
                double s = 1 - i / 100.0;
                double error = apply(lo * s, hi * s, slice, 0, slice.length, c, v, null, group);
                if (error < best) {
                    best = error;
                    shrink = s;
                }
            }
        }
        return apply(lo * shrink, hi * shrink, x, from, to, codes, values, record, group);
    }

    private double apply(double lo, double hi, float[] x, int from, int to, int[] codes, float[] values,
                         GroupRecord record, int group) {
        double scale = hi > lo ? scales.store((hi - lo) / levels) : 1;
        double zeroPoint = Math.max(0, Math.min(levels, Math.rint(-lo / scale)));
        if (record != null) {
            record.scales()[group] = scale;
            record.zeroPoints()[group] = (int) zeroPoint;
        }
        double error = 0;
        for (int i = from; i < to; i++) {
            double q = Math.max(0, Math.min(levels, Math.rint(x[i] / scale) + zeroPoint));
            float v = (float) ((q - zeroPoint) * scale);
            codes[i] = (int) q;
            values[i] = v;
            double d = (double) x[i] - v;
            error += d * d;
        }
        return error;
    }
}
