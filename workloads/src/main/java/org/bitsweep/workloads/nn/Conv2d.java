package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.Checks;

/**
 * A 2-D convolution with stride 1, a square {@code kernel} and {@code padding} zeros on every side. It is lowered to a
 * GEMM per image: the weight is {@code outChannels × (inChannels·kernel·kernel)}, its columns ordered (channel, row,
 * column of the kernel), as PyTorch's {@code [out, in, kh, kw]} flattens, and each output position is one dot product
 * with the matching patch of the input.
 */
public record Conv2d(String name, int inChannels, int outChannels, int kernel, int padding) implements NetLayer.Weighted {
    public Conv2d {
        Checks.nonBlank("layer name", name);
        Checks.positive("in channels", inChannels);
        Checks.positive("out channels", outChannels);
        Checks.positive("kernel", kernel);
        if (padding < 0 || padding >= kernel)
            throw new IllegalArgumentException("padding must be in [0, kernel), got " + padding);
    }

    @Override
    public Shape output(Shape input) {
        int h = input.height() + 2 * padding - kernel + 1;
        int w = input.width() + 2 * padding - kernel + 1;
        if (input.channels() != inChannels || h < 1 || w < 1)
            throw new IllegalArgumentException("%s takes %d channels of at least %d×%d (with padding %d), got %s"
                    .formatted(name, inChannels, kernel, kernel, padding, input));
        return new Shape(outChannels, h, w);
    }

    @Override
    public int outputs() {
        return outChannels;
    }

    @Override
    public int reduction() {
        return inChannels * kernel * kernel;
    }
}
