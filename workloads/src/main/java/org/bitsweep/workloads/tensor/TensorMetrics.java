package org.bitsweep.workloads.tensor;

/** Error metrics between a reference tensor and its approximation (for example its dequantized form). */
public final class TensorMetrics {
    private TensorMetrics() {
    }

    /** Mean squared error, summed in double precision. */
    public static double mse(Tensor reference, float[] approx) {
        return squaredError(reference, approx) / reference.size();
    }

    /**
     * Signal-to-quantization-noise ratio in dB: 10·log10(Σ x² / Σ (x − x̂)²). An exact approximation has no noise,
     * so its SQNR is +∞.
     */
    public static double sqnrDb(Tensor reference, float[] approx) {
        double signal = 0;
        for (float v : reference.data())
            signal += (double) v * v;
        return 10 * Math.log10(signal / squaredError(reference, approx));
    }

    private static double squaredError(Tensor reference, float[] approx) {
        float[] x = reference.data();
        if (approx.length != x.length)
            throw new IllegalArgumentException("approximation has %d values, reference %s has %d"
                    .formatted(approx.length, reference.name(), x.length));
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - approx[i];
            sum += d * d;
        }
        return sum;
    }
}
