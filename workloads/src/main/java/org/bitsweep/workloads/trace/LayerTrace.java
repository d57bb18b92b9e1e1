package org.bitsweep.workloads.trace;

import java.util.Optional;

import org.bitsweep.workloads.model.Layer;

/**
 * One layer after quantization, as PE models see it: its shape, its operand formats, the storage each operand
 * element costs including its share of scales (4-bit weights in groups of 128 with FP16 scales cost 4.125 bits), and,
 * where known, exact statistics of the operands' codes for PEs whose timing or energy depends on the data
 * (Bit-Pragmatic), and the activation columns an outlier decomposition (LLM.int8()) runs in a wider format.
 *
 * @param weightStatistics statistics of the B operand's codes, or null when the trace carries none
 * @param outlierColumns   the layer's outlier decomposition, or null when it runs without one (every MAC in
 *                         {@code formats})
 * @param weightGroupSize  weights along k that share one scale (and so one dequantization) when the weights are
 *                         grouped; 0 when one scale serves a whole output channel or tensor (one dequantization per
 *                         output, every k MACs)
 * @param activationStatistics statistics of the A operand's codes as the array streams them (each MAC reads one:
 *                         for a convolution, the lowered im2col matrix, padding included), in the activation
 *                         format; null when the trace carries none
 */
public record LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                         double activationBitsPerElement, CodeStatistics weightStatistics,
                         OutlierColumns outlierColumns, int weightGroupSize, CodeStatistics activationStatistics) {
    public LayerTrace {
        if (!(weightBitsPerElement > 0) || !(activationBitsPerElement > 0))
            throw new IllegalArgumentException("bits per element must be > 0");
        if (weightGroupSize < 0)
            throw new IllegalArgumentException("weight group size must be >= 0, got " + weightGroupSize);
        if (outlierColumns != null && outlierColumns.columns() != layer.shape().k())
            throw new IllegalArgumentException("outlier columns counted over K = %d, layer %s has K = %d"
                    .formatted(outlierColumns.columns(), layer.name(), layer.shape().k()));
        if (activationStatistics != null && !activationStatistics.format().equals(formats.activation()))
            throw new IllegalArgumentException("layer %s: activation statistics in %s, but its activations are %s"
                    .formatted(layer.name(), activationStatistics.format().name(), formats.activation().name()));
    }

    /** A layer without activation statistics. */
    public LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                      double activationBitsPerElement, CodeStatistics weightStatistics, OutlierColumns outlierColumns,
                      int weightGroupSize) {
        this(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics, outlierColumns,
                weightGroupSize, null);
    }

    /** A layer whose weights are not grouped. */
    public LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                      double activationBitsPerElement, CodeStatistics weightStatistics, OutlierColumns outlierColumns) {
        this(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics, outlierColumns, 0);
    }

    /** A layer without an outlier decomposition. */
    public LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                      double activationBitsPerElement, CodeStatistics weightStatistics) {
        this(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics, null);
    }

    /** A layer without code statistics. */
    public LayerTrace(Layer layer, OperandFormats formats, double weightBitsPerElement,
                      double activationBitsPerElement) {
        this(layer, formats, weightBitsPerElement, activationBitsPerElement, null, null);
    }

    public Optional<CodeStatistics> statistics() {
        return Optional.ofNullable(weightStatistics);
    }

    /** The activations' code statistics, where the trace carries them. */
    public Optional<CodeStatistics> activationCodeStatistics() {
        return Optional.ofNullable(activationStatistics);
    }

    public Optional<OutlierColumns> outliers() {
        return Optional.ofNullable(outlierColumns);
    }

    /** This layer with an outlier decomposition. */
    public LayerTrace withOutliers(OutlierColumns outliers) {
        return new LayerTrace(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics, outliers,
                weightGroupSize, activationStatistics);
    }

    /** This layer with its weights in groups of {@code size} along k (0: one scale per output channel). */
    public LayerTrace withWeightGroupSize(int size) {
        return new LayerTrace(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics,
                outlierColumns, size, activationStatistics);
    }

    /** This layer with its activations' code statistics (null: none). */
    public LayerTrace withActivationStatistics(CodeStatistics statistics) {
        return new LayerTrace(layer, formats, weightBitsPerElement, activationBitsPerElement, weightStatistics,
                outlierColumns, weightGroupSize, statistics);
    }

    /** MACs per dequantization of a weight scale: the group size, or the whole reduction k when not grouped. */
    public long macsPerScale() {
        return weightGroupSize > 0 ? Math.min(weightGroupSize, layer.shape().k()) : layer.shape().k();
    }
}
