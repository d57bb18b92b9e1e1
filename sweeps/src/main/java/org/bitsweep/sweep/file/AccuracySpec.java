package org.bitsweep.sweep.file;

import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * The accuracy axis of a sweep: a metric of a seeded synthetic weight tensor ({@code rows × cols}, Gaussian with
 * standard deviation {@code std}, or Student-t with {@code nu} degrees of freedom and scale {@code std}) after
 * quantization with the point's weight format and granularity. It depends on the quantization alone, so it is
 * computed once per distinct quantization. Real-model accuracy joins with the workloads issue.
 *
 * @param nu degrees of freedom for Student-t; 0 for Gaussian
 */
public record AccuracySpec(String metric, int rows, int cols, double std, double nu) {
    public static final String WEIGHT_SQNR_DB = "weight_sqnr_db";
    /** Metric name, and whether larger is better. */
    public static final List<String> METRICS = List.of(WEIGHT_SQNR_DB, "weight_mse", "weight_cosine", "weight_kl");

    public AccuracySpec {
        if (!METRICS.contains(metric))
            throw new IllegalArgumentException("unknown accuracy metric " + metric);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.finitePositive("std", std);
        if (nu < 0 || Double.isNaN(nu) || Double.isInfinite(nu))
            throw new IllegalArgumentException("nu must be 0 (Gaussian) or a finite number > 0");
    }

    public boolean higherIsBetter() {
        return metric.equals(WEIGHT_SQNR_DB) || metric.equals("weight_cosine");
    }

    public String distribution() {
        return nu == 0 ? "gaussian" : "student-t:" + (nu == Math.rint(nu) ? Long.toString((long) nu) : Double.toString(nu));
    }

    /** How results name the accuracy's source: always synthetic for now. */
    public String describe() {
        return "synthetic %s %dx%d std %s".formatted(distribution(), rows, cols, std);
    }
}
