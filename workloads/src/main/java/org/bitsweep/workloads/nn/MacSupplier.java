package org.bitsweep.workloads.nn;

import java.util.Optional;
import java.util.function.Function;

import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.arith.Bits;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Where {@link ReferenceInference} gets the arithmetic of a layer's dot products: for the layer's pair of operand
 * formats, a bit-exact multiply-accumulate with its own accumulator width, overflow and rounding, and what its
 * operands and accumulator mean ({@link #operands}). A PE model plugs in whole with {@code PeModel.macSupplier()}.
 * Each group of a dot product (the elements sharing one weight scale; the whole row for scales per tensor or per
 * output channel) is accumulated from {@link Operands#zeroAccumulator()}, element by element in order k = 0, 1, …,
 * its value read with {@link Operands#accumulatorValue}, and the scales applied to that.
 *
 * <p>The suppliers here ({@link #EXACT}, {@link #wrapping}, {@link #saturating}) take integer formats only, whose
 * operands are the integer values themselves.
 */
@FunctionalInterface
public interface MacSupplier {
    MacArithmetic arithmetic(OperandFormats formats);

    /** What the arithmetic's longs stand for; the default: the integer values themselves. */
    default Operands operands(OperandFormats formats) {
        return Operands.INTEGERS;
    }

    /**
     * What one MAC of {@link #arithmetic} is made of, where that is known: inference then runs whole dot products in
     * tight loops with the same result, bit for bit (see {@link MacForm}); empty: MAC by MAC through the arithmetic.
     */
    default Optional<MacForm> form(OperandFormats formats) {
        return Optional.empty();
    }

    /**
     * Why this arithmetic cannot run the pair, phrased for a user and ending with what it does run; empty when it
     * can. The default takes integer formats only.
     */
    default String unsupportedReason(OperandFormats formats) {
        if (formats.weight() instanceof IntFormat && formats.activation() instanceof IntFormat)
            return "";
        return "arithmetic %s runs on integer codes: it needs integer weights and activations, got %s; other formats "
                .formatted(id(), formats) + "run through a PE's own arithmetic (bitsweep accuracy --pe)";
    }

    /** Names the arithmetic in results, e.g. {@code exact}, {@code wrap:16}, or a PE's id. */
    default String id() {
        return "custom";
    }

    /**
     * Exact integer sums, as an accumulator too wide to overflow gives. Any order of exact additions gives the same
     * sum, so inference runs this one with vectorized loops rather than one call per MAC.
     */
    MacSupplier EXACT = of("exact", f -> (acc, a, w) -> acc + a * w, f -> Operands.INTEGERS, null,
            f -> Optional.of(MacForm.IntegerSum.oneProductPerMac(64, false)));

    /** An accumulator of {@code bits} bits that wraps around in two's complement, as a plain adder does. */
    static MacSupplier wrapping(int bits) {
        Checks.inRange("accumulator bits", bits, 2, 64);
        return of("wrap:" + bits, f -> (acc, a, w) -> Bits.wrapSigned(acc + a * w, bits), f -> Operands.INTEGERS, null,
                f -> Optional.of(MacForm.IntegerSum.oneProductPerMac(bits, false)));
    }

    /** An accumulator of {@code bits} bits that saturates at its extremes after every MAC. */
    static MacSupplier saturating(int bits) {
        Checks.inRange("accumulator bits", bits, 2, 64);
        return of("saturate:" + bits, f -> (acc, a, w) -> Bits.saturateSigned(acc + a * w, bits),
                f -> Operands.INTEGERS, null, f -> Optional.of(MacForm.IntegerSum.oneProductPerMac(bits, true)));
    }

    /** {@code supplier} under the name {@code id}, with its default operands and refusals. */
    static MacSupplier named(String id, MacSupplier supplier) {
        return of(id, supplier::arithmetic, f -> Operands.INTEGERS, null);
    }

    /**
     * A supplier from its parts, as a PE gives them ({@code PeModel.macSupplier()}).
     *
     * @param unsupportedReason null for the default: integer formats only
     */
    static MacSupplier of(String id, Function<OperandFormats, MacArithmetic> arithmetic,
                          Function<OperandFormats, Operands> operands,
                          Function<OperandFormats, String> unsupportedReason) {
        return of(id, arithmetic, operands, unsupportedReason, f -> Optional.empty());
    }

    /**
     * A supplier from its parts, with the {@link #form} of its MACs.
     *
     * @param unsupportedReason null for the default: integer formats only
     */
    static MacSupplier of(String id, Function<OperandFormats, MacArithmetic> arithmetic,
                          Function<OperandFormats, Operands> operands,
                          Function<OperandFormats, String> unsupportedReason,
                          Function<OperandFormats, Optional<MacForm>> form) {
        Checks.nonBlank("arithmetic id", id);
        return new MacSupplier() {
            @Override
            public MacArithmetic arithmetic(OperandFormats formats) {
                return arithmetic.apply(formats);
            }

            @Override
            public Operands operands(OperandFormats formats) {
                return operands.apply(formats);
            }

            @Override
            public Optional<MacForm> form(OperandFormats formats) {
                return form.apply(formats);
            }

            @Override
            public String unsupportedReason(OperandFormats formats) {
                return unsupportedReason == null ? MacSupplier.super.unsupportedReason(formats)
                        : unsupportedReason.apply(formats);
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
