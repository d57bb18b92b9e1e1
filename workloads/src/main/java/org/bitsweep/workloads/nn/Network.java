package org.bitsweep.workloads.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.tensor.Tensor;

/**
 * A small feed-forward network: a chain of {@link NetLayer}s from an input {@link Shape}, and the FP32 weights and
 * biases of its {@link NetLayer.Weighted} layers. A new network has all parameters zero; the {@link Trainer} or a
 * {@link ModelFile} fills them. Weight {@code i} is the matrix of layer {@code i}: one row per output channel, one
 * column per element of the dot product (see {@link Conv2d} for the column order), as the quantizers expect.
 */
public final class Network {
    private final String name;
    private final List<NetLayer> layers;
    private final Shape[] shapes;
    final float[][] weights;
    final float[][] biases;

    public Network(String name, Shape input, List<NetLayer> layers) {
        this.name = Checks.nonBlank("network name", name);
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty())
            throw new IllegalArgumentException(name + ": a network needs at least one layer");
        this.shapes = new Shape[layers.size() + 1];
        shapes[0] = input;
        this.weights = new float[layers.size()][];
        this.biases = new float[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            NetLayer l = layers.get(i);
            shapes[i + 1] = l.output(shapes[i]);
            if (l instanceof NetLayer.Weighted w) {
                weights[i] = new float[Math.multiplyExact(w.outputs(), w.reduction())];
                biases[i] = new float[w.outputs()];
            }
        }
    }

    public String name() {
        return name;
    }

    public List<NetLayer> layers() {
        return layers;
    }

    public Shape input() {
        return shapes[0];
    }

    /** The shape of layer {@code i}'s input; {@code i = layers().size()} gives the network's output. */
    public Shape shapeBefore(int i) {
        return shapes[i];
    }

    public Shape output() {
        return shapes[layers.size()];
    }

    /** The indices of the weighted layers, in order. */
    public List<Integer> weightedLayers() {
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++)
            if (layers.get(i) instanceof NetLayer.Weighted)
                w.add(i);
        return w;
    }

    /** Layer {@code i}'s weight as a tensor named {@code NAME.weight}, sharing this network's array. */
    public Tensor weight(int i) {
        NetLayer.Weighted w = weighted(i);
        return new Tensor(w.name() + ".weight", w.outputs(), w.reduction(), weights[i]);
    }

    /** A copy of layer {@code i}'s bias. */
    public float[] bias(int i) {
        weighted(i);
        return biases[i].clone();
    }

    /** Copies in layer {@code i}'s parameters. */
    public void setParameters(int i, float[] weight, float[] bias) {
        NetLayer.Weighted w = weighted(i);
        if (weight.length != weights[i].length || bias.length != biases[i].length)
            throw new IllegalArgumentException("%s: weight needs %d values and bias %d, got %d and %d"
                    .formatted(w.name(), weights[i].length, biases[i].length, weight.length, bias.length));
        System.arraycopy(weight, 0, weights[i], 0, weight.length);
        System.arraycopy(bias, 0, biases[i], 0, bias.length);
    }

    public NetLayer.Weighted weighted(int i) {
        if (!(layers.get(i) instanceof NetLayer.Weighted w))
            throw new IllegalArgumentException("layer %d of %s (%s) has no weights".formatted(i, name, layers.get(i)));
        return w;
    }

    public long parameterCount() {
        long n = 0;
        for (int i : weightedLayers())
            n += weights[i].length + biases[i].length;
        return n;
    }

    public Network copy() {
        Network c = new Network(name, shapes[0], layers);
        for (int i : weightedLayers())
            c.setParameters(i, weights[i], biases[i]);
        return c;
    }

    /** Equal names, layers and parameters, bit for bit. */
    public boolean sameParameters(Network other) {
        if (!name.equals(other.name) || !layers.equals(other.layers) || !shapes[0].equals(other.shapes[0]))
            return false;
        for (int i : weightedLayers())
            if (!Arrays.equals(weights[i], other.weights[i]) || !Arrays.equals(biases[i], other.biases[i]))
                return false;
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(": ").append(shapes[0]);
        for (int i = 0; i < layers.size(); i++) {
            NetLayer l = layers.get(i);
            String what;
            if (l instanceof NetLayer.Weighted w)
                what = l instanceof Conv2d c ? "%s %d×%d".formatted(c.name(), c.kernel(), c.kernel()) : w.name();
            else
                what = l instanceof MaxPool p ? "maxpool " + p.size() : "relu";
            s.append(" → ").append(what);
            if (!(l instanceof Relu))
                s.append(" → ").append(shapes[i + 1]);
        }
        return s.toString();
    }
}
