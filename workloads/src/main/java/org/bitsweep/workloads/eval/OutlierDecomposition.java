package org.bitsweep.workloads.eval;

import java.util.Arrays;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.tensor.SourcedParameters;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * LLM.int8()'s mixed-precision decomposition (Dettmers et al., NeurIPS 2022, section 3.2): every activation column
 * (input feature, along K) holding at least one value whose magnitude reaches {@code threshold} is an outlier
 * column; those columns of the activations and the matching columns of the weights are multiplied in FP16, and the
 * rest are quantized as configured: {@code Y ≈ Σ_{k∈O} X_f16[:,k]·W_f16[:,k]ᵀ + Q(X_rest)·Q(W_rest)ᵀ}. The quantized
 * part's scales are taken over the remaining columns only (the outlier columns are zero there), as the paper's
 * int8 part runs over the non-outlier dimensions.
 *
 * @param threshold the magnitude that makes a column an outlier; the default, 6.0, and its source are in
 *                  {@code activations/llm-outliers.yaml}
 */
public record OutlierDecomposition(double threshold) {
    /** The paper's outlier part runs in 16-bit floating point. */
    public static final MinifloatFormat OUTLIER_FORMAT = (MinifloatFormat) Formats.parse("fp16");

    public OutlierDecomposition {
        if (!(threshold > 0) || !Double.isFinite(threshold))
            throw new UserInputException("outlier threshold: %s; valid: a finite magnitude > 0, e.g. %s (LLM.int8())"
                    .formatted(threshold, defaultThreshold()));
    }

    /** LLM.int8()'s α = 6.0, read from the data file with its source. */
    public static OutlierDecomposition defaults() {
        return new OutlierDecomposition(defaultThreshold());
    }

    public static SourcedParameters.Parameter thresholdSource() {
        return SourcedParameters.LLM_OUTLIERS.get("decomposition_threshold");
    }

    private static double defaultThreshold() {
        return thresholdSource().value();
    }

    /** The outlier columns of {@code x} (tokens × K): those with some |x| >= threshold, ascending. */
    public int[] columns(Tensor x) {
        boolean[] outlier = new boolean[x.cols()];
        float[] d = x.data();
        for (int i = 0; i < d.length; i++)
            if (Math.abs(d[i]) >= threshold)
                outlier[i % x.cols()] = true;
        int[] cols = new int[x.cols()];
        int n = 0;
        for (int c = 0; c < outlier.length; c++)
            if (outlier[c])
                cols[n++] = c;
        return Arrays.copyOf(cols, n);
    }
}
