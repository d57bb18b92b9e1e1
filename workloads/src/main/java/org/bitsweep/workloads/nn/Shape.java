package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.Checks;

/** The activations of one image between two layers: {@code channels} planes of {@code height × width}, stored
 *  channel-major (index {@code (c·height + y)·width + x}); a vector of n values is n × 1 × 1. */
public record Shape(int channels, int height, int width) {
    public Shape {
        Checks.positive("channels", channels);
        Checks.positive("height", height);
        Checks.positive("width", width);
    }

    public static Shape vector(int size) {
        return new Shape(size, 1, 1);
    }

    public int size() {
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** Height × width: the positions of one channel. */
    public int plane() {
        return height * width;
    }

    @Override
    public String toString() {
        return height == 1 && width == 1 ? Integer.toString(channels) : channels + "×" + height + "×" + width;
    }
}
