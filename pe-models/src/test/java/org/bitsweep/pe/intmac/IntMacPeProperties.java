package org.bitsweep.pe.intmac;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/** The exact oracle is BigInteger arithmetic, reduced to the accumulator after every step as the register is. */
class IntMacPeProperties {

    @Property(tries = 1500, seed = "1729")
    void dotProductEqualsTheExactOneReducedStepByStep(@ForAll @IntRange(min = 2, max = 16) int wBits,
                                                      @ForAll @IntRange(min = 2, max = 16) int aBits,
                                                      @ForAll @IntRange(min = 0, max = 40) int extraAccBits,
                                                      @ForAll @IntRange(min = 1, max = 300) int length,
                                                      @ForAll boolean saturate,
                                                      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
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

    @Property(tries = 1000, seed = "42")
    void aSingleMacFromAnyAccumulatorValueMatches(@ForAll @IntRange(min = 12, max = 64) int accBits,
                                                   @ForAll @IntRange(min = -128, max = 127) int x,
                                                   @ForAll @IntRange(min = -8, max = 7) int y,
                                                   @ForAll long accSeed, @ForAll boolean saturate) {
        Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
        long acc = reduce(BigInteger.valueOf(accSeed), accBits, Overflow.WRAP).longValueExact();
        MacArithmetic mac = new IntMacPe(new PeParams(accBits, overflow))
                .arithmetic(OperandFormats.of(IntFormat.signed(4), IntFormat.signed(8)));
        BigInteger expected = reduce(BigInteger.valueOf(acc).add(BigInteger.valueOf((long) x * y)), accBits, overflow);
        assertThat(mac.mac(acc, x, y)).isEqualTo(expected.longValueExact());
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
