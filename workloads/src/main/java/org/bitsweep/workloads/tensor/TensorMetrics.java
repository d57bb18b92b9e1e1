package org.bitsweep.workloads.tensor;

import org.bitsweep.workloads.UserInputException;

/**
 * Error metrics between a reference tensor and its approximation (for example its dequantized form). A reference
 * holds finite values only ({@link Tensor}); an approximation with NaN or ±∞ in it (a cast beyond a format's range),
 * or one where the metric divides by zero (SQNR of an all-zero reference, cosine of an all-zero vector), has no
 * value, and every metric then throws a {@link UserInputException} saying which and why rather than returning NaN.
 */
public final class TensorMetrics {
    private TensorMetrics() {
    }

    /** Mean squared error, summed in double precision. */
    public static double mse(Tensor reference, float[] approx) {
        return squaredError(reference, approx, "MSE") / reference.size();
    }

    /**
     * Signal-to-quantization-noise ratio in dB: 10·log10(Σ x² / Σ (x − x̂)²). An exact approximation has no noise,
     * so its SQNR is +∞.
     */
    public static double sqnrDb(Tensor reference, float[] approx) {
        double noise = squaredError(reference, approx, "SQNR");
        double signal = 0;
        for (float v : reference.data())
            signal += (double) v * v;
        if (signal == 0)
            throw new UserInputException("tensor %s is all zeros: SQNR (its energy over the error's) is undefined"
                    .formatted(reference.name()));
        return 10 * Math.log10(signal / noise);
    }

    private static double squaredError(Tensor reference, float[] approx, String metric) {
        float[] x = reference.data();
        checkApproximation(reference, approx, metric);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - approx[i];
            sum += d * d;
        }
        return sum;
    }

    /** Cosine similarity Σ x·x̂ / (|x|·|x̂|); 1 for identical directions. */
    public static double cosine(Tensor reference, float[] approx) {
        float[] x = reference.data();
        checkApproximation(reference, approx, "cosine similarity");
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * approx[i];
            xx += (double) x[i] * x[i];
            yy += (double) approx[i] * approx[i];
        }
        if (xx == 0 || yy == 0)
            throw new UserInputException("cosine similarity of tensor %s is undefined: %s all zeros".formatted(
                    reference.name(), xx == 0 ? "the tensor is" : "its approximation is"));
        return dot / Math.sqrt(xx * yy);
    }

    public static final int KL_BINS = 2048;
    public static final double KL_SMOOTHING = 1e-6;

    /**
     * KL divergence D(P‖Q) in nats between the value distributions of the reference (P) and its approximation (Q):
     * both histogrammed into {@link #KL_BINS} equal bins over the reference's [min, max] (approximate values beyond
     * fall into the end bins), Q smoothed by adding {@link #KL_SMOOTHING} of the mass evenly to every bin so that a
     * bin Q leaves empty does not make the divergence infinite. This is the histogram form TensorRT's calibration
     * uses; it measures how much the quantized values' distribution differs, not the per-element error.
     */
    public static double klDivergence(Tensor reference, float[] approx) {
        float[] x = reference.data();
        checkApproximation(reference, approx, "KL divergence");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo))
            return 0;
        double[] p = new double[KL_BINS];
        double[] q = new double[KL_BINS];
        double width = (hi - lo) / KL_BINS;
        for (int i = 0; i < x.length; i++) {
            p[bin(x[i], lo, width)]++;
            q[bin(approx[i], lo, width)]++;
        }
        double kl = 0;
        for (int b = 0; b < KL_BINS; b++) {
            if (p[b] == 0)
                continue;
            double pb = p[b] / x.length;
            double qb = (q[b] / x.length) * (1 - KL_SMOOTHING) + KL_SMOOTHING / KL_BINS;
            kl += pb * Math.log(pb / qb);
        }
        return kl;
    }

    private static int bin(double v, double lo, double width) {
        int b = (int) Math.floor((v - lo) / width);
        return Math.max(0, Math.min(KL_BINS - 1, b));
    }

    /**
     * @throws IllegalArgumentException when the lengths differ (a caller's bug)
     * @throws UserInputException when the approximation holds NaN or ±∞
     */
    private static void checkApproximation(Tensor reference, float[] approx, String metric) {
        if (approx.length != reference.size())
            throw new IllegalArgumentException("approximation has %d values, reference %s has %d"
                    .formatted(approx.length, reference.name(), reference.size()));
        int count = 0;
        int first = -1;
        for (int i = 0; i < approx.length; i++)
            if (!Float.isFinite(approx[i])) {
                if (first < 0)
                    first = i;
                count++;
            }
        if (count > 0)
            throw new UserInputException(("%s of tensor %s is undefined: %d of its %d approximated values are not "
                    + "finite (the first, at index %d, is %s for %s); a cast beyond the format's range gives NaN or "
                    + "±infinity: saturate instead, or quantize with a scale").formatted(metric, reference.name(),
                    count, approx.length, first, approx[first], reference.data()[first]));
    }
}
