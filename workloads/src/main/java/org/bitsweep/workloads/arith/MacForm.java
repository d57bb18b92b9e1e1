package org.bitsweep.workloads.arith;

import java.util.Objects;
import java.util.function.LongBinaryOperator;

/**
 * What one MAC of a {@link MacArithmetic} is made of, where its PE can say: a product that depends on the operand
 * pair alone, added into the accumulator by a fixed rule. Reference inference then runs whole dot products in tight
 * loops (vectorized integer sums, tables of products, float sums over many outputs at once) instead of one call per
 * MAC, and gets the same accumulator, bit for bit, as calling {@code mac} in order k = 0, 1, …. pe-models' tests check
 * each PE's form against its {@code mac} on every operand pair, and whole networks against the MAC-by-MAC path.
 */
public sealed interface MacForm {
    /**
     * An integer register of {@code registerBits} bits that each MAC moves by terms summing to exactly a·w (the
     * operands' product), each term added with the register's overflow rule: wrapping modulo 2^registerBits, or
     * clamping to its range after every term. So a wrapping register ends at the exact sum wrapped, and a saturating
     * one at the exact sum whenever no partial sum can leave the range, which {@code excursion} bounds.
     *
     * @param excursion for an operand pair, the sum of the magnitudes of the terms one MAC adds (|a·w| for a PE
     *                  that adds its product at once; more for a bit-serial one whose terms change sign): how far
     *                  the register can move away from its value before the MAC while the MAC runs
     */
    record IntegerSum(int registerBits, boolean saturating, LongBinaryOperator excursion) implements MacForm {
        public IntegerSum {
            if (registerBits < 2 || registerBits > 64)
                throw new IllegalArgumentException("register width must be in [2, 64], got " + registerBits);
            Objects.requireNonNull(excursion, "excursion");
        }

        /** A register that adds each product in one step: the excursion is |a·w|. */
        public static IntegerSum oneProductPerMac(int registerBits, boolean saturating) {
            return new IntegerSum(registerBits, saturating, (a, w) -> Math.abs(a * w));
        }
    }

    /**
     * An IEEE 754 binary32 accumulator whose operands are format codes (the accumulator itself the bit pattern, as
     * {@link Float#floatToRawIntBits} read unsigned): each MAC rounds the product to binary32, then adds it and
     * rounds the sum, both to nearest even ({@code acc ← fl(acc + fl(p))}); NaN stays NaN (its payload is the
     * PE's choice and reads back as NaN).
     *
     * @param product             p for a pair of operand codes, as a double holding its exact value (or NaN, ±∞)
     * @param productOfCodeValues whether p is always the plain product of the two codes' values, as an IEEE
     *                            multiplier forms it, so that a binary32 multiply of the two values computes fl(p)
     */
    record Fp32Sum(CodeProduct product, boolean productOfCodeValues) implements MacForm {
        public Fp32Sum {
            Objects.requireNonNull(product, "product");
        }
    }

    /** The exact product a PE forms from two operand codes (activation first). */
    @FunctionalInterface
    interface CodeProduct {
        double of(long activation, long weight);
    }
}
