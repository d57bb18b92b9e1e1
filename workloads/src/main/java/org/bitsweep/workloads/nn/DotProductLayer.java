package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;

/**
 * A weighted layer whose dot products run over quantized operands through an arithmetic (exact integer sums, a
 * wrapping or saturating register, a PE's own MAC), one image at a time. Per output o and group g of K sharing one
 * weight scale, the group's accumulator acc_g is formed by the arithmetic, and
 * {@code y_o = (float) (Σ_g value(acc_g)·(sw[o, g]·sa) + b_o)}, the sum in double in group order from 0.
 */
interface DotProductLayer {
    /** A worker with its own buffers, for one thread. */
    Worker worker();

    /** How the dot products run, in words for results and docs, e.g. {@code exact integer sums (int)}. */
    String describe();

    interface Worker {
        /**
         * Writes the layer's output for input {@code x} to {@code y}.
         *
         * @return false when an input value has no operand (a NaN or ±∞ from an overflow upstream that the format or
         *         the PE cannot carry): the image's logits are then NaN
         */
        boolean forward(float[] x, float[] y);
    }

    /**
     * What every dot-product layer shares: the layer and its input and output shapes, its FP32 bias, and its groups
     * along K with the product of the weight's and the input's scale for each.
     *
     * @param scaleRowStride groups per row of {@code scales}, 0 where one scale serves every row
     */
    record Geometry(NetLayer.Weighted layer, Shape input, Shape output, float[] bias, int groupSize, int groupsPerRow,
                    double[] scales, int scaleRowStride) {
        static Geometry of(NetLayer.Weighted layer, Shape input, Shape output, float[] bias, QuantizedTensor q,
                           Granularity g, ActivationQuantizer in) {
            int k = layer.reduction();
            int groupSize = g instanceof Granularity.PerGroup p ? p.size() : k;
            int groupsPerRow = (k + groupSize - 1) / groupSize;
            int stride = g instanceof Granularity.PerGroup ? groupsPerRow : g instanceof Granularity.PerChannel ? 1 : 0;
            double[] weightScales = q.scales().length == 0 ? new double[] {1} : q.scales();
            double[] scales = new double[weightScales.length];
            for (int j = 0; j < scales.length; j++)
                scales[j] = weightScales[j] * in.scale();
            return new Geometry(layer, input, output, bias, groupSize, groupsPerRow, scales, stride);
        }

        int reduction() {
            return layer.reduction();
        }

        int outputs() {
            return layer.outputs();
        }

        /** Output positions per channel: 1 for a dense layer, the output plane for a convolution. */
        int positions() {
            return layer instanceof Conv2d ? output.plane() : 1;
        }

        double scale(int row, int group) {
            return scales[row * scaleRowStride + group];
        }

        int groupStart(int group) {
            return group * groupSize;
        }

        int groupEnd(int group) {
            return Math.min(layer.reduction(), (group + 1) * groupSize);
        }

        /** The stored index (of scales and selectors) of weight j, row-major over outputs × K. */
        int storedGroup(int j) {
            int k = layer.reduction();
            return (j / k) * scaleRowStride + (j % k) / groupSize;
        }
    }
}
