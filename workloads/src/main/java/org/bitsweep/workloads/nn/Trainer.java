package org.bitsweep.workloads.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.data.LabelledImages;

/**
 * Trains a {@link Network} on labelled images with softmax cross-entropy and the SGD of {@link TrainingConfig}, in
 * plain Java, deterministically: every random draw comes from one {@link SplittableRandom} seeded by the config, the
 * transcendental functions are {@link StrictMath}'s, and each minibatch's gradient is the sum of fixed slices
 * ({@link TrainingConfig#shards()}) added in slice order. Java evaluates float arithmetic exactly as written (no
 * reassociation, no fused multiply-add), so the same seed and data give the same weights, bit for bit, on any
 * machine and with any number of threads.
 */
public final class Trainer {
    /** What a run reports as it goes. */
    public interface Listener {
        /** After each step; {@code step} counts from 1 to {@code steps}. */
        void step(int step, int steps, int epoch);

        /** After each epoch: mean training loss and the fraction of training images classified right during it. */
        default void epoch(int epoch, double meanLoss, double trainAccuracy) {
        }
    }

    private Trainer() {
    }

    /**
     * Initializes {@code net}'s parameters from the seed and trains them in place.
     *
     * @param threads how many slices run at once; the result does not depend on it
     */
    public static void train(Network net, LabelledImages data, TrainingConfig config, int threads, Listener listener) {
        Checks.positive("threads", threads);
        if (data.pixelsPerImage() != net.input().size())
            throw new IllegalArgumentException("%s takes %s inputs, %s has %d pixels per image"
                    .formatted(net.name(), net.input(), data.name(), data.pixelsPerImage()));
        SplittableRandom random = new SplittableRandom(config.seed());
        initialize(net, random);
        int n = data.count();
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        int steps = batches * config.epochs();
        List<Slice> slices = new ArrayList<>();
        for (int s = 0; s < config.shards(); s++)
            slices.add(new Slice(net));
        float[][] velocityW = zerosLike(net.weights);
        float[][] velocityB = zerosLike(net.biases);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, config.shards()), r -> {
            Thread t = new Thread(r, "bitsweep-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            int step = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                shuffle(order, random);
                double lossSum = 0;
                long correct = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * config.batchSize();
                    int size = Math.min(config.batchSize(), n - from);
                    List<Future<?>> running = new ArrayList<>();
                    for (int s = 0; s < slices.size(); s++) {
                        Slice slice = slices.get(s);
                        int sliceFrom = from + s * size / slices.size();
                        int sliceTo = from + (s + 1) * size / slices.size();
                        running.add(pool.submit(() -> slice.run(net, data, order, sliceFrom, sliceTo, 1f / size)));
                    }
                    await(running);
                    for (Slice slice : slices) {
                        lossSum += slice.loss;
                        correct += slice.correct;
                    }
                    double lr = config.learningRate() * (1 - (double) step / steps);
                    update(net, slices, velocityW, velocityB, config, (float) lr);
                    step++;
                    listener.step(step, steps, epoch);
                }
                listener.epoch(epoch, lossSum / n, (double) correct / n);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** He-uniform weights, U(±√(6 / fan-in)), drawn layer by layer in row-major order; zero biases. */
    static void initialize(Network net, SplittableRandom random) {
        for (int i : net.weightedLayers()) {
            double bound = StrictMath.sqrt(6.0 / net.weighted(i).reduction());
            float[] w = net.weights[i];
            for (int j = 0; j < w.length; j++)
                w[j] = (float) ((2 * random.nextDouble() - 1) * bound);
            Arrays.fill(net.biases[i], 0f);
        }
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static void update(Network net, List<Slice> slices, float[][] velocityW, float[][] velocityB,
                               TrainingConfig c, float lr) {
        float momentum = (float) c.momentum();
        float decay = (float) c.weightDecay();
        for (int i : net.weightedLayers()) {
            step(net.weights[i], velocityW[i], slices, s -> s.gradW[i], momentum, decay, lr);
            step(net.biases[i], velocityB[i], slices, s -> s.gradB[i], momentum, 0f, lr);
        }
    }

    private static void step(float[] w, float[] v, List<Slice> slices, Function<Slice, float[]> grad,
                             float momentum, float decay, float lr) {
        float[] g = grad.apply(slices.get(0));   // summed in place: the slice clears it before its next batch
        for (int s = 1; s < slices.size(); s++) {
            float[] gs = grad.apply(slices.get(s));
            for (int j = 0; j < g.length; j++)
                g[j] += gs[j];
        }
        for (int j = 0; j < w.length; j++) {
            v[j] = momentum * v[j] + (g[j] + decay * w[j]);
            w[j] -= lr * v[j];
        }
    }

    private static void await(List<Future<?>> running) {
        try {
            for (Future<?> f : running)
                f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training slice failed", e.getCause());
        }
    }

    /** Writes (softmax(z) − onehot(label))·scale, the gradient of the loss, into {@code out}; returns the loss. */
    static double softmaxCrossEntropy(float[] z, int label, float scale, float[] out) {
        double max = z[0];
        for (float v : z)
            max = Math.max(max, v);
        double sum = 0;
        for (float v : z)
            sum += StrictMath.exp(v - max);
        for (int k = 0; k < z.length; k++) {
            double p = StrictMath.exp(z[k] - max) / sum;
            out[k] = (float) ((p - (k == label ? 1 : 0)) * scale);
        }
        return StrictMath.log(sum) - (z[label] - max);
    }

    /** The gradient of one image's loss: {@code [0]} per layer for the weights, {@code [1]} for the biases. */
    static float[][][] gradients(Network net, LabelledImages data, int image) {
        Slice slice = new Slice(net);
        slice.run(net, data, new int[] {image}, 0, 1, 1f);
        return new float[][][] {slice.gradW, slice.gradB};
    }

    private static float[][] zerosLike(float[][] a) {
        float[][] z = new float[a.length][];
        for (int i = 0; i < a.length; i++)
            z[i] = a[i] == null ? null : new float[a[i].length];
        return z;
    }

    /** One slice of a minibatch: its own forward buffers, gradient sums and backward buffers. */
    private static final class Slice {
        final FloatPass pass;
        final float[][] gradW;
        final float[][] gradB;
        final float[][] delta;
        final float[][] colT;
        final float[][] deltaColT;
        double loss;
        int correct;

        Slice(Network net) {
            pass = new FloatPass(net, true);
            gradW = zerosLike(net.weights);
            gradB = zerosLike(net.biases);
            int n = net.layers().size();
            delta = new float[n + 1][];
            colT = new float[n][];
            deltaColT = new float[n][];
            for (int i = 0; i <= n; i++)
                delta[i] = new float[net.shapeBefore(i).size()];
            for (int i = 0; i < n; i++)
                if (net.layers().get(i) instanceof Conv2d c) {
                    colT[i] = new float[c.reduction() * net.shapeBefore(i + 1).plane()];
                    deltaColT[i] = new float[colT[i].length];
                }
        }

        /** Sums the gradients of images order[from … to), each scaled by {@code scale} (1 / batch size). */
        void run(Network net, LabelledImages data, int[] order, int from, int to, float scale) {
            for (int i : net.weightedLayers()) {
                Arrays.fill(gradW[i], 0f);
                Arrays.fill(gradB[i], 0f);
            }
            loss = 0;
            correct = 0;
            int n = net.layers().size();
            for (int j = from; j < to; j++) {
                int image = order[j];
                data.normalized(image, pass.act[0]);
                float[] logits = pass.forward(net.weights, net.biases, null);
                int label = data.label(image);
                loss += softmaxCrossEntropy(logits, label, scale, delta[n]);
                if (Kernels.argmax(logits, logits.length) == label)
                    correct++;
                for (int i = n - 1; i >= 0; i--)
                    backward(net, i, i > 0);
            }
        }

        private void backward(Network net, int i, boolean needInputGradient) {
            NetLayer l = net.layers().get(i);
            float[] x = pass.act[i];
            float[] dy = delta[i + 1];
            float[] dx = delta[i];
            if (l instanceof Dense d) {
                int in = d.inputs();
                float[] w = net.weights[i];
                if (needInputGradient)
                    Arrays.fill(dx, 0f);
                for (int o = 0; o < d.outputs(); o++) {
                    float g = dy[o];
                    if (g == 0)
                        continue;
                    gradB[i][o] += g;
                    Kernels.axpy(g, x, 0, gradW[i], o * in, in);
                    if (needInputGradient)
                        Kernels.axpy(g, w, o * in, dx, 0, in);
                }
            } else if (l instanceof Conv2d c) {
                convBackward(net, i, c, dy, dx, needInputGradient);
            } else if (l instanceof Relu) {
                float[] y = pass.act[i + 1];
                for (int j = 0; j < dx.length; j++)
                    dx[j] = y[j] > 0 ? dy[j] : 0f;
            } else if (l instanceof MaxPool) {
                Arrays.fill(dx, 0f);
                int[] from = pass.argmax[i];
                for (int j = 0; j < dy.length; j++)
                    dx[from[j]] = dy[j];
            }
        }

        // With colT[p][k] = col[k][p]: dW[o][·] += dy[o][p]·colT[p][·] and dColT[p][·] += dy[o][p]·W[o][·], both
        // contiguous in k; most dy are 0 (ReLU and max-pool pass few gradients back), and those are skipped.
        private void convBackward(Network net, int i, Conv2d c, float[] dy, float[] dx, boolean needInputGradient) {
            int k = c.reduction();
            Shape in = pass.shapes[i];
            Shape out = pass.shapes[i + 1];
            int positions = out.plane();
            float[] col = pass.col[i];
            float[] ct = colT[i];
            for (int r = 0; r < k; r++)
                for (int p = 0; p < positions; p++)
                    ct[p * k + r] = col[r * positions + p];
            float[] dct = deltaColT[i];
            if (needInputGradient)
                Arrays.fill(dct, 0f);
            float[] w = net.weights[i];
            for (int o = 0; o < c.outChannels(); o++)
                for (int p = 0; p < positions; p++) {
                    float g = dy[o * positions + p];
                    if (g == 0)
                        continue;
                    gradB[i][o] += g;
                    Kernels.axpy(g, ct, p * k, gradW[i], o * k, k);
                    if (needInputGradient)
                        Kernels.axpy(g, w, o * k, dct, p * k, k);
                }
            if (!needInputGradient)
                return;
            Arrays.fill(dx, 0f);
            int kk = c.kernel();
            for (int oy = 0; oy < out.height(); oy++)
                for (int ox = 0; ox < out.width(); ox++) {
                    int row = (oy * out.width() + ox) * k;
                    for (int ch = 0; ch < in.channels(); ch++)
                        for (int ky = 0; ky < kk; ky++) {
                            int iy = oy + ky - c.padding();
                            if (iy < 0 || iy >= in.height())
                                continue;
                            for (int kx = 0; kx < kk; kx++) {
                                int ix = ox + kx - c.padding();
                                if (ix >= 0 && ix < in.width())
                                    dx[(ch * in.height() + iy) * in.width() + ix] += dct[row + (ch * kk + ky) * kk + kx];
                            }
                        }
                }
        }
    }
}
