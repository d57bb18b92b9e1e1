package org.bitsweep.workloads.nn;

import java.util.List;

/**
 * The buffers of one image's float forward pass through a network, reused image after image; one per thread.
 * {@code act[i]} is the input of layer i and {@code act[n]} the logits.
 */
final class FloatPass {
    final List<NetLayer> layers;
    final Shape[] shapes;
    final float[][] act;
    final float[][] col;
    final int[][] argmax;

    FloatPass(Network net, boolean keepArgmax) {
        this.layers = net.layers();
        int n = layers.size();
        this.shapes = new Shape[n + 1];
        this.act = new float[n + 1][];
        this.col = new float[n][];
        this.argmax = new int[n][];
        for (int i = 0; i <= n; i++) {
            shapes[i] = net.shapeBefore(i);
            act[i] = new float[shapes[i].size()];
        }
        for (int i = 0; i < n; i++) {
            if (layers.get(i) instanceof Conv2d c)
                col[i] = new float[c.reduction() * shapes[i + 1].plane()];
            if (keepArgmax && layers.get(i) instanceof MaxPool)
                argmax[i] = new int[shapes[i + 1].size()];
        }
    }

    /**
     * Runs {@code act[0]} through the layers with the given parameters.
     *
     * @param quantizers where not null, {@code quantizers[i]} replaces the input of weighted layer i by its
     *                   quantized value before the layer reads it
     * @return the logits, {@code act[n]}
     */
    float[] forward(float[][] weights, float[][] biases, ActivationQuantizer[] quantizers) {
        for (int i = 0; i < layers.size(); i++)
            layer(i, weights, biases, quantizers);
        return act[layers.size()];
    }

    /** Runs layer i, from {@code act[i]} to {@code act[i + 1]}, as {@link #forward} does. */
    void layer(int i, float[][] weights, float[][] biases, ActivationQuantizer[] quantizers) {
        NetLayer l = layers.get(i);
        float[] x = act[i];
        float[] y = act[i + 1];
        if (quantizers != null && quantizers[i] != null)
            quantizers[i].fakeQuantize(x, x.length);
        if (l instanceof Dense d) {
            Kernels.dense(weights[i], biases[i], d.inputs(), x, y);
        } else if (l instanceof Conv2d c) {
            Kernels.im2col(x, shapes[i], c, shapes[i + 1], col[i]);
            Kernels.conv(weights[i], biases[i], c.reduction(), col[i], shapes[i + 1].plane(), y);
        } else if (l instanceof Relu) {
            Kernels.relu(x, y, y.length);
        } else if (l instanceof MaxPool p) {
            Kernels.maxPool(x, shapes[i], p.size(), y, argmax[i]);
        }
    }
}
