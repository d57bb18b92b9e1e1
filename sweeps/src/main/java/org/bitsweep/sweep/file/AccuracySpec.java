package org.bitsweep.sweep.file;

import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * The accuracy axis of a sweep: a metric of a seeded synthetic weight tensor of {@code rows × cols} values after
 * quantization with the point's weight format and granularity: Gaussian with standard deviation {@code std},
 * Student-t with {@code nu} degrees of freedom and scale {@code std}, or LLM-like (a Student-t bulk with a few 20×
 * outlier channels, see SyntheticTensors.llmLike). It depends on the quantization alone, so it is computed once per
 * distinct quantization. Real-model accuracy joins with the workloads issue.
 *
 * @param nu degrees of freedom for Student-t; 0 for Gaussian; {@link #LLM_LIKE} for LLM-like
 */
public record AccuracySpec(String metric, int rows, int cols, double std, double nu) {
    /** The value of {@code nu} that stands for the LLM-like distribution. */
    public static final double LLM_LIKE = -1;

    public static final String WEIGHT_SQNR_DB = "weight_sqnr_db";
    /** Metric name, and whether larger is better. */
    public static final List<String> METRICS = List.of(WEIGHT_SQNR_DB, "weight_mse", "weight_cosine", "weight_kl");

    public AccuracySpec {
        if (!METRICS.contains(metric))
            throw new IllegalArgumentException("unknown accuracy metric " + metric);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.finitePositive("std", std);
        if (!(nu >= 0 || nu == LLM_LIKE) || Double.isInfinite(nu))
            throw new IllegalArgumentException("nu must be 0 (Gaussian), -1 (LLM-like) or a finite number > 0");
    }

    public boolean higherIsBetter() {
        return metric.equals(WEIGHT_SQNR_DB) || metric.equals("weight_cosine");
    }

    public String distribution() {
        if (nu == LLM_LIKE)
            return "llm-like";
        return nu == 0 ? "gaussian" : "student-t:" + (nu == Math.rint(nu) ? Long.toString((long) nu) : Double.toString(nu));
    }

    /** How results name the accuracy's source: always synthetic for now. */
    public String describe() {
        return "synthetic %s %dx%d std %s".formatted(distribution(), rows, cols, std);
    }
}
