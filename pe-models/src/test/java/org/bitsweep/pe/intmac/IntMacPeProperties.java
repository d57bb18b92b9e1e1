package org.bitsweep.pe.intmac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The exact oracle is BigInteger arithmetic, reduced to the accumulator after every step as the register is. */
class IntMacPeProperties {

    @Test
    void dotProductEqualsTheExactOneReducedStepByStep() {
        forAll(1729, 1500, c -> dotProductEqualsTheExactOneReducedStepByStep(c.draw("wBits", ints(2, 16)),
                c.draw("aBits", ints(2, 16)), c.draw("extraAccBits", ints(0, 40)), c.draw("length", ints(1, 300)),
                c.draw("saturate", booleans()), c.draw("seed", seeds())));
    }

    private static void dotProductEqualsTheExactOneReducedStepByStep(int wBits, int aBits, int extraAccBits,
                                                                     int length, boolean saturate, long seed) {
        int accBits = Math.min(64, Math.max(PeParams.MIN_ACC_BITS, wBits + aBits + extraAccBits));
        Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
        IntFormat w = IntFormat.signed(wBits);
        IntFormat a = IntFormat.signed(aBits);
        MacArithmetic mac = new IntMacPe(new PeParams(accBits, overflow)).arithmetic(OperandFormats.of(w, a));

        // Operands drawn at the ends of their ranges half the time, so narrow accumulators overflow often.
        SplittableRandom random = new SplittableRandom(seed);
        long[] xs = new long[length];
        long[] ws = new long[length];
        for (int i = 0; i < length; i++) {
            xs[i] = draw(random, a);
            ws[i] = draw(random, w);
        }

        BigInteger exact = BigInteger.ZERO;
        for (int i = 0; i < length; i++)
            exact = reduce(exact.add(BigInteger.valueOf(xs[i]).multiply(BigInteger.valueOf(ws[i]))), accBits, overflow);
        assertThat(mac.dot(0, xs, ws)).isEqualTo(exact.longValueExact());
    }

    @Test
    void aSingleMacFromAnyAccumulatorValueMatches() {
        forAll(42, 1000, c -> {
            int accBits = c.draw("accBits", ints(12, 64));
            int x = c.draw("x", ints(-128, 127));
            int y = c.draw("y", ints(-8, 7));
            long accSeed = c.draw("accSeed", longs());
            boolean saturate = c.draw("saturate", booleans());
            Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
            long acc = reduce(BigInteger.valueOf(accSeed), accBits, Overflow.WRAP).longValueExact();
            MacArithmetic mac = new IntMacPe(new PeParams(accBits, overflow))
                    .arithmetic(OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8)));
            BigInteger expected = reduce(BigInteger.valueOf(acc).add(BigInteger.valueOf((long) x * y)), accBits,
                    overflow);
            assertThat(mac.mac(acc, x, y)).as("acc %d", acc).isEqualTo(expected.longValueExact());
        });
    }

    private static long draw(SplittableRandom random, IntFormat f) {
        return switch (random.nextInt(4)) {
            case 0 -> f.minInt();
            case 1 -> f.maxInt();
            default -> random.nextLong(f.minInt(), f.maxInt() + 1);
        };
    }

    private static BigInteger reduce(BigInteger v, int bits, Overflow overflow) {
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (overflow == Overflow.SATURATE)
            return v.max(min).min(max);
        BigInteger mod = BigInteger.ONE.shiftLeft(bits);
        BigInteger r = v.mod(mod);
        return r.compareTo(max) > 0 ? r.subtract(mod) : r;
    }
}
