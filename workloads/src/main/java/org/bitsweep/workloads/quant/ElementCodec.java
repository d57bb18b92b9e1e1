package org.bitsweep.workloads.quant;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.LookupFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.ScaleRule;

/**
 * Symmetric scaling onto one element format: integers, minifloats and lookup grids. The group's clipping value
 * (from the calibration) maps onto the grid's largest magnitude, or, for absmean formats (ternary, binary), the
 * scale is the group's mean magnitude.
 */
final class ElementCodec implements GroupCodec {
    /** Per thread, the rounded values of up to 256 elements of a group between the passes of applyInteger. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[256]);

    private final NumberFormat format;
    private final Calibration calibration;
    private final Rounding rounding;
    private final long seed;
    private final ScaleStore scales;
    private final ScaleRule rule;
    private final double gridMax;
    private final double[] grid;
    private final IntFormat integer;

    ElementCodec(NumberFormat format, QuantConfig c) {
        this.format = format;
        this.calibration = c.calibration();
        this.rounding = c.rounding();
        this.seed = c.seed();
        this.scales = new ScaleStore(c.scaleFormat());
        this.rule = format instanceof LookupFormat l ? l.scaleRule() : ScaleRule.ABSMAX;
        this.gridMax = gridMax(format);
        this.grid = format.values();
        this.integer = format instanceof IntFormat i ? i : null;
    }

    /** The largest magnitude a scaled value can take: what the clipping value maps onto. */
    static double gridMax(NumberFormat f) {
        if (f instanceof IntFormat i)
            return i.maxInt();
        if (f instanceof FixedPointFormat p)
            return p.maxValue();
        return Math.max(Math.abs(f.minValue()), Math.abs(f.maxValue()));
    }

    @Override
    public int bitsPerGroup() {
        return scales.bits();
    }

    @Override
    public double quantize(float[] x, int from, int to, int group, int[] codes, float[] values, GroupRecord record) {
        double scale = chooseScale(x, from, to, group);
        record.scales()[group] = scale;
        if (integer != null && rounding == Rounding.NEAREST_EVEN)
            return applyInteger(scale, x, from, to, codes, values, false);
        return apply(scale, x, from, to, group, codes, values);
    }

    double chooseScale(float[] x, int from, int to, int group) {
        if (rule == ScaleRule.ABSMEAN) {
            double sum = 0;
            for (int i = from; i < to; i++)
                sum += Math.abs(x[i]);
            return scales.store(sum / (to - from));
        }
        double absmax = absmax(x, from, to);
        if (absmax == 0)
            return 1;
        if (calibration instanceof Calibration.Percentile p) {
            double clip = Percentiles.ofMagnitudes(x, from, to, p.p());
            return scales.store((clip > 0 ? clip : absmax) / gridMax);
        }
        if (calibration instanceof Calibration.Mse)
            return mseScale(x, from, to, group, absmax);
        return scales.store(absmax / gridMax);
    }

    /**
     * The largest |x[i]|, NaN if any is NaN. Taken over floats, which is the same value as over their doubles, in a
     * loop the JIT vectorizes.
     */
    static double absmax(float[] x, int from, int to) {
        float absmax = 0;
        for (int i = from; i < to; i++)
            absmax = Math.max(absmax, Math.abs(x[i]));
        return absmax;
    }

    /** The scale of the least-error clipping value among absmax · (1 − i/100); i = 0 (min-max) wins ties. */
    private double mseScale(float[] x, int from, int to, int group, double absmax) {
        int n = to - from;
        int[] codes = new int[n];
        float[] values = new float[n];
        float[] slice = Arrays.copyOfRange(x, from, to);
        double bestScale = scales.store(absmax / gridMax);
        double bestError = Double.POSITIVE_INFINITY;
        double lastScale = Double.NaN;
        for (int i = 0; i < Calibration.Mse.STEPS; i++) {
            double scale = scales.store(absmax * (1 - i / 100.0) / gridMax);
            if (scale == lastScale)
                continue;
            lastScale = scale;
            double error = apply(scale, slice, 0, n, group, codes, values);
            if (error < bestError) {
                bestError = error;
                bestScale = scale;
            }
        }
        return bestScale;
    }

    /** Codes and values of a group at a given scale; returns the squared error. */
    double apply(double scale, float[] x, int from, int to, int group, int[] codes, float[] values) {
        if (integer != null && rounding == Rounding.NEAREST_EVEN)
            return applyInteger(scale, x, from, to, codes, values, true);
        SplittableRandom random = rounding == Rounding.STOCHASTIC ? Seeds.forGroup(seed, group) : null;
        double error = 0;
        for (int i = from; i < to; i++) {
            double scaled = x[i] / scale;
            int code = random == null ? format.encode(scaled) : stochastic(scaled, random);
            float v = (float) (format.decode(code) * scale);
            codes[i] = code;
            values[i] = v;
            double d = (double) x[i] - v;
            error += d * d;
        }
        return error;
    }

    /**
     * The hot path of INT-k quantization: round half to even (Math.rint) and clamp, without a method call. The
     * squared error is summed only when a caller compares candidates: its serial chain of additions would otherwise
     * cost as much as the rounding itself.
     *
     * @return the squared error, or NaN when {@code withError} is false
     */
    private double applyInteger(double scale, float[] x, int from, int to, int[] codes, float[] values,
                                boolean withError) {
        double lo = integer.minInt();
        double hi = integer.maxInt();
        int mask = (1 << integer.bits()) - 1;
        if (!withError && lo < 0) {
            // The same arithmetic in passes over a scratch array, each simple enough for the JIT to vectorize: a loop
            // that stores both an int and a float it does not, and comparisons it does not either. Math.max and
            // Math.min clamp as the comparisons below do: NaN stays NaN, and with lo < 0 <= hi a −0 stays −0.
            double[] q = SCRATCH.get();
            for (int start = from; start < to; start += q.length) {
                int n = Math.min(q.length, to - start);
                for (int i = 0; i < n; i++)
                    q[i] = Math.max(lo, Math.min(hi, Math.rint(x[start + i] / scale)));
                for (int i = 0; i < n; i++)
                    codes[start + i] = (int) q[i] & mask;
                for (int i = 0; i < n; i++)
                    values[start + i] = (float) (q[i] * scale);
            }
            return Double.NaN;
        }
        double error = 0;
        for (int i = from; i < to; i++) {
            double q = Math.rint(x[i] / scale);
            q = q < lo ? lo : (q > hi ? hi : q);
            float v = (float) (q * scale);
            codes[i] = (int) q & mask;
            values[i] = v;
            if (withError) {
                double d = (double) x[i] - v;
                error += d * d;
            }
        }
        return withError ? error : Double.NaN;
    }

    /** Up or down to a neighbouring grid value, up with probability (v − lower) / (upper − lower). */
    private int stochastic(double v, SplittableRandom random) {
        int i = Arrays.binarySearch(grid, v);
        double u = random.nextDouble();
        if (i >= 0)
            return format.encode(grid[i]);
        int above = -i - 1;
        if (above == 0)
            return format.encode(grid[0]);
        if (above == grid.length)
            return format.encode(grid[grid.length - 1]);
        double lo = grid[above - 1];
        double hi = grid[above];
        return format.encode(u < (v - lo) / (hi - lo) ? hi : lo);
    }
}
