package org.bitsweep.sim.gpu.kernel;

import java.util.Optional;

import org.bitsweep.cost.gpu.TensorType;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;

/** What the kernels need to know of a number format: the MMA type it feeds, whether it is a 16-bit float. */
final class Operands {
    /** Every kernel writes FP16 (or BF16) outputs: the next layer's input before its own quantization. */
    static final double OUTPUT_BYTES = 2;
    /** A per-channel or per-token scale is one FP16 number. */
    static final double SCALE_BYTES = 2;

    private Operands() {
    }

    /** The MMA type a format feeds as it is stored; empty for formats no tensor core takes directly. */
    static Optional<TensorType> tensorType(NumberFormat f) {
        if (f instanceof IntFormat i)
            return i.bits() == 8 ? Optional.of(TensorType.INT8) : i.bits() == 4 ? Optional.of(TensorType.INT4)
                    : Optional.empty();
        return switch (f.name()) {
            case "fp16" -> Optional.of(TensorType.FP16);
            case "bf16" -> Optional.of(TensorType.BF16);
            case "fp8-e4m3", "fp8-e5m2" -> Optional.of(TensorType.FP8);
            default -> Optional.empty();
        };
    }

    static boolean isHalf(NumberFormat f) {
        return f.name().equals("fp16") || f.name().equals("bf16");
    }

    static TensorType halfType(NumberFormat f) {
        return f.name().equals("bf16") ? TensorType.BF16 : TensorType.FP16;
    }

    static boolean isInt(NumberFormat f, int minBits, int maxBits) {
        return f instanceof IntFormat i && i.bits() >= minBits && i.bits() <= maxBits;
    }

    static boolean isFloat6(NumberFormat f) {
        return f instanceof MinifloatFormat m && m.bits() == 6;
    }

    /** The first choice at least {@code value}, else the last (the largest). */
    static long smallestAtLeast(long value, long[] choices) {
        for (long c : choices)
            if (c >= value)
                return c;
        return choices[choices.length - 1];
    }

    static double bytes(double elements, double bits) {
        return elements * bits / 8;
    }
}
