package org.bitsweep.workloads.tensor;

import java.util.SplittableRandom;

import org.bitsweep.workloads.Checks;

/**
 * Seeded synthetic tensors. The same seed gives the same tensor on every machine: SplittableRandom's SplitMix64
 * stream is specified, and the Gaussian transform uses StrictMath, whose results are fixed by its specification
 * (Math.log and friends may differ between JIT intrinsics).
 */
public final class SyntheticTensors {
    private SyntheticTensors() {
    }

    /**
     * Independent Student-t values with {@code nu} degrees of freedom, times {@code scale}: heavy-tailed like LLM
     * weights with outliers (ν = 4 has finite variance 2·scale² but a fourth moment that diverges). Drawn as
     * Z / sqrt(V/ν) with Z standard normal and V ~ χ²(ν) = 2·Gamma(ν/2), the gamma by Marsaglia and Tsang's method
     * (ACM TOMS 2000), all from one seeded stream.
     */
    public static Tensor studentT(String name, int rows, int cols, double nu, double scale, long seed) {
        Checks.finitePositive("degrees of freedom", nu);
        Checks.finitePositive("scale", scale);
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < data.length; i++) {
            double z = normal(random);
            double chiSquared = 2 * gamma(nu / 2, random);
            data[i] = (float) (scale * z / StrictMath.sqrt(chiSquared / nu));
        }
        return new Tensor(name, rows, cols, data);
    }

    /** Share of input channels (columns) made outliers in {@link #llmLike}. */
    public static final double LLM_OUTLIER_CHANNEL_FRACTION = 0.005;
    /** How much larger an outlier channel's values are. */
    public static final double LLM_OUTLIER_SCALE = 20;
    /** Degrees of freedom of the bulk's Student-t. */
    public static final double LLM_BULK_NU = 5;

    /**
     * LLM-like weights: a heavy-tailed bulk (Student-t, ν = 5, scale {@code std}) in which a few input channels
     * ({@link #LLM_OUTLIER_CHANNEL_FRACTION} of the columns, at least one, chosen by the seed) are
     * {@link #LLM_OUTLIER_SCALE}× larger. Estimate, not a fit: the outlier features of LLM.int8() (Dettmers et al.
     * 2022) are a small set of hidden dimensions whose magnitudes reach about 20× the rest; real weights are needed
     * for real statistics, and every result computed on these says "synthetic".
     */
    public static Tensor llmLike(String name, int rows, int cols, double std, long seed) {
        Tensor bulk = studentT(name, rows, cols, LLM_BULK_NU, std, seed);
        float[] data = bulk.data().clone();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int outliers = Math.max(1, (int) Math.round(cols * LLM_OUTLIER_CHANNEL_FRACTION));
        java.util.Set<Integer> chosen = new java.util.TreeSet<>();
        while (chosen.size() < outliers)
            chosen.add(random.nextInt(cols));
        for (int c : chosen)
            for (int r = 0; r < rows; r++)
                data[r * cols + c] *= (float) LLM_OUTLIER_SCALE;
        return new Tensor(name, rows, cols, data);
    }

    /** One standard normal draw (Box–Muller, the cosine branch only, so each call uses two uniforms). */
    static double normal(SplittableRandom random) {
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
        return radius * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
    }

    /** Gamma(shape, 1) by Marsaglia–Tsang; shapes below 1 use Gamma(shape + 1) · U^(1/shape). */
    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1)
            return gamma(shape + 1, random) * StrictMath.pow(1 - random.nextDouble(), 1 / shape);
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = normal(random);
            double v = 1 + c * x;
            if (v <= 0)
                continue;
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v))
                return d * v;
        }
    }

    /** Independent N(0, std²) values, drawn by the Box–Muller transform. */
    public static Tensor gaussian(String name, int rows, int cols, double std, long seed) {
        Checks.finitePositive("std", std);
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < data.length; i += 2) {
            // 1 - u keeps the argument of log in (0, 1], so log never sees 0.
            double radius = std * StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
            double angle = 2 * StrictMath.PI * random.nextDouble();
            data[i] = (float) (radius * StrictMath.cos(angle));
            if (i + 1 < data.length)
                data[i + 1] = (float) (radius * StrictMath.sin(angle));
        }
        return new Tensor(name, rows, cols, data);
    }
}
