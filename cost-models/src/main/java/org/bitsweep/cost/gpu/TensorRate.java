package org.bitsweep.cost.gpu;

import java.util.List;
import java.util.Objects;

import org.bitsweep.cost.Provenance;

/**
 * A GPU's dense (no 2:4 sparsity) tensor-core peak for one operand type and accumulator, and the PTX MMA shapes
 * that reach it.
 *
 * @param accumulate   {@code fp32}, {@code fp16} or {@code int32}
 * @param denseTops    10^12 operations per second, a multiply-add counted as two
 * @param instructions PTX shapes, e.g. {@code m16n8k16} or {@code wgmma.m64nNk16}
 */
public record TensorRate(TensorType type, String accumulate, double denseTops, List<String> instructions,
                         Provenance provenance) {
    public TensorRate {
        Objects.requireNonNull(type, "type");
        if (!List.of("fp32", "fp16", "int32").contains(accumulate))
            throw new IllegalArgumentException("accumulate must be fp32, fp16 or int32, got " + accumulate);
        if (!(denseTops > 0) || !Double.isFinite(denseTops))
            throw new IllegalArgumentException("dense_tops must be > 0, got " + denseTops);
        instructions = List.copyOf(instructions);
        if (instructions.isEmpty())
            throw new IllegalArgumentException("a tensor rate needs at least one instruction shape");
        Objects.requireNonNull(provenance, "provenance");
    }
}
