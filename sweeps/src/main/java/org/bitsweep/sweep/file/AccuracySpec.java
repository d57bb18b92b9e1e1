package org.bitsweep.sweep.file;

import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * The accuracy axis of a sweep. For now one metric: the SQNR in dB of a seeded synthetic Gaussian weight tensor of
 * {@code rows × cols} values with standard deviation {@code std}, after quantization with the point's weight format
 * and granularity. It is a property of the quantization alone, so it is computed once per distinct quantization.
 */
public record AccuracySpec(String metric, int rows, int cols, double std) {
    public static final String WEIGHT_SQNR_DB = "weight_sqnr_db";
    public static final List<String> METRICS = List.of(WEIGHT_SQNR_DB);

    public AccuracySpec {
        if (!METRICS.contains(metric))
            throw new IllegalArgumentException("unknown accuracy metric " + metric);
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.finitePositive("std", std);
    }
}
