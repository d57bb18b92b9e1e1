package org.bitsweep.workloads.trace;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.GemmShape;

/**
 * LLM.int8()'s mixed-precision decomposition of one GEMM (Dettmers et al., NeurIPS 2022, section 3.2): the
 * activation columns (input features along K) holding a value whose magnitude reaches the threshold are multiplied,
 * with the matching weight columns, in {@code outlierFormat} (FP16); the other columns in the layer's quantized
 * formats. Targets price the extra work from this: {@link #outlierMacs} in the wide format beside
 * {@link #regularMacs} in the narrow one, plus the gather of the outlier columns.
 *
 * @param outlierColumns columns of K kept in {@code outlierFormat}
 * @param columns        K, all columns
 * @param threshold      the magnitude that makes a column an outlier
 */
public record OutlierColumns(int outlierColumns, int columns, double threshold, NumberFormat outlierFormat) {
    public OutlierColumns {
        Objects.requireNonNull(outlierFormat, "outlierFormat");
        if (columns < 1 || outlierColumns < 0 || outlierColumns > columns)
            throw new IllegalArgumentException("outlier columns %d of %d".formatted(outlierColumns, columns));
        if (!(threshold > 0))
            throw new IllegalArgumentException("threshold must be > 0, got " + threshold);
    }

    /** The share of K kept in the outlier format. */
    public double fraction() {
        return (double) outlierColumns / columns;
    }

    /** MACs in the outlier format for one GEMM of {@code shape} (its K must be {@link #columns}). */
    public long outlierMacs(GemmShape shape) {
        check(shape);
        return Math.multiplyExact(Math.multiplyExact(shape.m(), shape.n()), (long) outlierColumns);
    }

    /** MACs in the layer's quantized formats: the rest of K. */
    public long regularMacs(GemmShape shape) {
        check(shape);
        return Math.multiplyExact(Math.multiplyExact(shape.m(), shape.n()), (long) (columns - outlierColumns));
    }

    private void check(GemmShape shape) {
        if (shape.k() != columns)
            throw new IllegalArgumentException("outlier columns counted over K = %d, layer has K = %d"
                    .formatted(columns, shape.k()));
    }
}
