package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.junit.jupiter.api.Test;

class TrainerTest {
    static final Trainer.Listener SILENT = (step, steps, epoch) -> { };

    /** Both kinds of layer at toy size: 1×28×28 → 2×14×14 → 3×7×7 → 10. */
    static Network tinyCnn() {
        return new Network("tiny-cnn", new Shape(1, 28, 28), List.of(new Conv2d("c1", 1, 2, 3, 1), new Relu(),
                new MaxPool(2), new Conv2d("c2", 2, 3, 3, 1), new Relu(), new MaxPool(2), new Dense("fc1", 147, 12),
                new Relu(), new Dense("fc2", 12, 10)));
    }

    static Network trained(long seed, int threads) {
        Network net = tinyCnn();
        Trainer.train(net, FashionMnist.calibration().first(96), new TrainingConfig(seed, 2, 16, 0.05, 0.9, 5e-4, 4),
                threads, SILENT);
        return net;
    }

    @Test
    void theSameSeedGivesTheSameWeightsBitForBitWithAnyNumberOfThreads() {
        Network one = trained(7, 1);
        assertThat(one.sameParameters(trained(7, 1))).isTrue();
        assertThat(one.sameParameters(trained(7, 3))).isTrue();
        assertThat(one.sameParameters(trained(8, 1))).isFalse();
        assertThat(one.sameParameters(tinyCnn())).as("training moved the weights").isFalse();
    }

    @Test
    void softmaxCrossEntropyOfEqualLogitsIsLnTwo() {
        // p = (1/2, 1/2): loss −ln(1/2) = ln 2, gradient p − onehot(0) = (−1/2, 1/2).
        float[] grad = new float[2];
        assertThat(Trainer.softmaxCrossEntropy(new float[] {3, 3}, 0, 1f, grad)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(grad).containsExactly(-0.5f, 0.5f);
    }

    @Test
    void backpropagationAgreesWithFiniteDifferences() {
        Network net = tinyCnn();
        SplittableRandom random = new SplittableRandom(3);
        Trainer.initialize(net, random);
        // Initial biases are 0, which puts every blank pixel's pre-activation exactly on ReLU's kink, where the
        // derivative is one-sided; biases of magnitude 0.05 … 0.1 move them off it.
        for (int layer : net.weightedLayers())
            for (int j = 0; j < net.biases[layer].length; j++)
                net.biases[layer][j] = (float) ((random.nextBoolean() ? 1 : -1) * (0.05 + 0.05 * random.nextDouble()));
        LabelledImages data = FashionMnist.calibration();
        int image = 5;
        float[][][] grads = Trainer.gradients(net, data, image);
        for (int layer : net.weightedLayers())
            for (int which = 0; which < 2; which++) {
                float[] params = which == 0 ? net.weights[layer] : net.biases[layer];
                float[] analytic = grads[which][layer];
                // The largest few gradients of each tensor: small ones drown in float rounding.
                for (int j : largest(analytic, 4)) {
                    float saved = params[j];
                    float eps = 1e-3f;
                    params[j] = saved + eps;
                    double up = loss(net, data, image);
                    params[j] = saved - eps;
                    double down = loss(net, data, image);
                    params[j] = saved;
                    double numeric = (up - down) / (2 * eps);
                    assertThat(analytic[j]).as("layer %d %s[%d]", layer, which == 0 ? "weight" : "bias", j)
                            .isCloseTo((float) numeric, within((float) (2e-3 + 0.05 * Math.abs(numeric))));
                }
            }
    }

    private static double loss(Network net, LabelledImages data, int image) {
        FloatPass pass = new FloatPass(net, false);
        data.normalized(image, pass.act[0]);
        return Trainer.softmaxCrossEntropy(pass.forward(net.weights, net.biases, null), data.label(image), 1f,
                new float[10]);
    }

    private static int[] largest(float[] g, int n) {
        return IntStream.range(0, g.length).boxed()
                .sorted((a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a]))).limit(n)
                .mapToInt(Integer::intValue).toArray();
    }
}
