package org.bitsweep.sweep.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.eval.OutputMetric;

/**
 * The accuracy axis of a sweep, one of two kinds.
 * <ul>
 *   <li>A metric of a seeded synthetic weight tensor of {@code rows × cols} values after quantization with the
 *       point's weight format and granularity: Gaussian with standard deviation {@code std}, Student-t with
 *       {@code nu} degrees of freedom and scale {@code std}, or LLM-like (a Student-t bulk with a few 20× outlier
 *       channels, see SyntheticTensors.llmLike). It depends on the weight quantization alone.</li>
 *   <li>{@link #TOP1}: the top-1 accuracy of a shipped Fashion-MNIST {@code model} on the first {@code images} test
 *       images, with the point's weight quantization and its activation format (one calibrated scale per tensor),
 *       and, {@code throughPe}, every dot product run through the point's PE's own arithmetic (its accumulator
 *       width and overflow included). It depends on the quantization, and then on the PE and its accumulator.</li>
 *   <li>{@link #OUTPUT_METRICS}: the error of a layer's output {@code Y = X·Wᵀ} (or of {@code Q·Kᵀ} against the KV
 *       cache) with both operands quantized as the point says, against the FP32 product ({@code gemm}: its inputs,
 *       synthetic LLM-like activations with outlier channels or the user's tensors), and, {@code throughPe}, every dot
 *       product through the point's PE. It depends on the weight (or KV-cache) and activation quantization, and then
 *       on the PE and its accumulator.</li>
 * </ul>
 * Each is computed once per distinct input it depends on.
 *
 * @param nu    degrees of freedom for Student-t; 0 for Gaussian; {@link #LLM_LIKE} for LLM-like
 * @param model the Fashion-MNIST model for {@link #TOP1}, null for the other metrics
 * @param gemm  what the output metrics multiply; null for the other metrics
 */
public record AccuracySpec(String metric, int rows, int cols, double std, double nu, String model, int images,
                           boolean throughPe, GemmSpec gemm) {
    /** The value of {@code nu} that stands for the LLM-like distribution. */
    public static final double LLM_LIKE = -1;

    public static final String WEIGHT_SQNR_DB = "weight_sqnr_db";
    public static final String TOP1 = "top1";
    /** The layer-output metrics, by OutputMetric's ids. */
    public static final List<String> OUTPUT_METRICS = Arrays.stream(OutputMetric.values()).map(OutputMetric::id)
            .toList();
    /** The Fashion-MNIST test set's size, the default of {@code images}. */
    public static final int TEST_IMAGES = 10_000;
    /** Every metric a sweep may name. */
    public static final List<String> METRICS = Stream.concat(Stream.of(WEIGHT_SQNR_DB, "weight_mse", "weight_cosine",
            "weight_kl", TOP1), OUTPUT_METRICS.stream()).toList();

    public AccuracySpec {
        if (!METRICS.contains(metric))
            throw new IllegalArgumentException("unknown accuracy metric " + metric);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.finitePositive("std", std);
        if (!(nu >= 0 || nu == LLM_LIKE) || Double.isInfinite(nu))
            throw new IllegalArgumentException("nu must be 0 (Gaussian), -1 (LLM-like) or a finite number > 0");
        if (metric.equals(TOP1) != (model != null))
            throw new IllegalArgumentException("a model goes with metric top1 and only with it");
        if (OUTPUT_METRICS.contains(metric) != (gemm != null))
            throw new IllegalArgumentException("a GEMM goes with the output metrics and only with them");
        Checks.inRange("images", images, 1, TEST_IMAGES);
    }

    /** A synthetic-tensor metric. */
    public AccuracySpec(String metric, int rows, int cols, double std, double nu) {
        this(metric, rows, cols, std, nu, null, TEST_IMAGES, false, null);
    }

    /** Top-1 of a Fashion-MNIST model; the synthetic tensor's fields keep their defaults and are not used. */
    public static AccuracySpec top1(String model, int images, boolean throughPe, AccuracySpec defaults) {
        return new AccuracySpec(TOP1, defaults.rows(), defaults.cols(), defaults.std(), defaults.nu(), model, images,
                throughPe, null);
    }

    /** A layer-output metric; the synthetic tensor's fields keep their defaults and are not used. */
    public static AccuracySpec output(String metric, GemmSpec gemm, boolean throughPe, AccuracySpec defaults) {
        return new AccuracySpec(metric, defaults.rows(), defaults.cols(), defaults.std(), defaults.nu(), null,
                TEST_IMAGES, throughPe, gemm);
    }

    public boolean isTop1() {
        return metric.equals(TOP1);
    }

    /** Whether this is one of the layer-output metrics. */
    public boolean isOutput() {
        return gemm != null;
    }

    /** Whether a point's PE arithmetic may enter the measurement (top1 and the output metrics). */
    public boolean peMatters() {
        return throughPe && (isTop1() || isOutput());
    }

    public boolean higherIsBetter() {
        if (isOutput())
            return OutputMetric.parse(metric).higherIsBetter();
        return metric.equals(WEIGHT_SQNR_DB) || metric.equals("weight_cosine") || isTop1();
    }

    public String distribution() {
        if (nu == LLM_LIKE)
            return "llm-like";
        return nu == 0 ? "gaussian" : "student-t:" + (nu == Math.rint(nu) ? Long.toString((long) nu) : Double.toString(nu));
    }

    /** How results name the accuracy's source. */
    public String describe() {
        if (isTop1())
            return "%s top-1 on %d Fashion-MNIST test images, %s".formatted(model, images,
                    throughPe ? "dot products through the point's PE" : "reference dot products");
        if (isOutput())
            return "%s; %s".formatted(gemm.describe(), throughPe ? "dot products through the point's PE"
                    : "exact dot products");
        return "synthetic %s %dx%d std %s".formatted(distribution(), rows, cols, std);
    }
}
