package org.bitsweep.workloads.nn;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.arith.Bits;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Where {@link ReferenceInference} gets the arithmetic of a layer's dot products: for the layer's pair of operand
 * formats, a bit-exact multiply-accumulate with its own accumulator width, overflow and rounding. A PE model plugs
 * in with a method reference, {@code pe::arithmetic} ({@code PeModel.arithmetic(OperandFormats)}), and names itself
 * with {@link #named}. Each group of a dot product (the elements sharing one weight scale; the whole row for scales
 * per tensor or per output channel) is accumulated from 0, element by element in order k = 0, 1, …, and the scales
 * are applied to the result.
 */
@FunctionalInterface
public interface MacSupplier {
    MacArithmetic arithmetic(OperandFormats formats);

    /** Names the arithmetic in results, e.g. {@code exact}, {@code wrap:16}, or a PE's id. */
    default String id() {
        return "custom";
    }

    /**
     * Exact integer sums, as an accumulator too wide to overflow gives. Any order of exact additions gives the same
     * sum, so inference runs this one with vectorized loops rather than one call per MAC.
     */
    MacSupplier EXACT = named("exact", f -> (acc, a, w) -> acc + a * w);

    /** An accumulator of {@code bits} bits that wraps around in two's complement, as a plain adder does. */
    static MacSupplier wrapping(int bits) {
        Checks.inRange("accumulator bits", bits, 2, 64);
        return named("wrap:" + bits, f -> (acc, a, w) -> Bits.wrapSigned(acc + a * w, bits));
    }

    /** An accumulator of {@code bits} bits that saturates at its extremes after every MAC. */
    static MacSupplier saturating(int bits) {
        Checks.inRange("accumulator bits", bits, 2, 64);
        return named("saturate:" + bits, f -> (acc, a, w) -> Bits.saturateSigned(acc + a * w, bits));
    }

    /** {@code supplier} under the name {@code id}. */
    static MacSupplier named(String id, MacSupplier supplier) {
        Checks.nonBlank("arithmetic id", id);
        return new MacSupplier() {
            @Override
            public MacArithmetic arithmetic(OperandFormats formats) {
                return supplier.arithmetic(formats);
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String toString() {
                return id;
            }
        };
    }
}
