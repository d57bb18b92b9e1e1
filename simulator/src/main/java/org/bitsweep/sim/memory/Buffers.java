package org.bitsweep.sim.memory;

import java.util.Objects;

import org.bitsweep.sim.array.Operand;

/**
 * The three on-chip buffers, one per operand. In attention layers the weight buffer holds the KV cache, the B
 * operand there.
 */
public record Buffers(Buffer weights, Buffer activations, Buffer outputs) {
    public Buffers {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(outputs, "outputs");
    }

    /** Three single-bank buffers of {@code bytes} each, as wide as the array needs. */
    public static Buffers each(long bytes) {
        Buffer b = Buffer.of(bytes);
        return new Buffers(b, b, b);
    }

    public Buffer of(Operand o) {
        return switch (o) {
            case WEIGHTS -> weights;
            case ACTIVATIONS -> activations;
            case OUTPUTS -> outputs;
        };
    }
}
