package org.bitsweep.pe.bitserial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** Exact oracles: BigInteger products reduced to the accumulator, per term where the register sees terms. */
class BitSerialPeProperties {

    @Test
    void wrappingGivesTheExactDotProductModuloTheAccumulator() {
        forAll(1729, 1500, c -> wrappingGivesTheExactDotProductModuloTheAccumulator(c.draw("wBits", ints(2, 12)),
                c.draw("aBits", ints(2, 12)), c.draw("wSigned", booleans()), c.draw("aSigned", booleans()),
                c.draw("pragmatic", booleans()), c.draw("weightSerial", booleans()),
                c.draw("extraAccBits", ints(0, 30)), c.draw("seed", seeds())));
    }

    private static void wrappingGivesTheExactDotProductModuloTheAccumulator(int wBits, int aBits, boolean wSigned,
                                                                            boolean aSigned, boolean pragmatic,
                                                                            boolean weightSerial, int extraAccBits,
                                                                            long seed) {
        IntFormat w = new IntFormat(wBits, wSigned);
        IntFormat a = new IntFormat(aBits, aSigned);
        int accBits = Math.min(64, Math.max(PeParams.MIN_ACC_BITS, wBits + aBits + 2) + extraAccBits / 4);
        BitSerialPe pe = new BitSerialPe(new PeParams(accBits, Overflow.WRAP),
                weightSerial ? BitSerialPe.Serial.WEIGHT : BitSerialPe.Serial.ACTIVATION, pragmatic, 1);
        OperandFormats f = OperandFormats.of(w, a);
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(200);
        long[] xs = new long[n];
        long[] ws = new long[n];
        BigInteger exact = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            xs[i] = draw(r, a);
            ws[i] = draw(r, w);
            exact = exact.add(BigInteger.valueOf(xs[i]).multiply(BigInteger.valueOf(ws[i])));
        }
        // With wrap-around every term is reduced modulo 2^accBits, so the order of terms cannot matter.
        assertThat(pe.arithmetic(f).dot(0, xs, ws)).isEqualTo(Oracles.wrap(exact, accBits));
    }

    @Test
    void saturatingClampsAfterEveryTermInTheHardwaresOrder() {
        forAll(271828, 1500, c -> saturatingClampsAfterEveryTermInTheHardwaresOrder(c.draw("wBits", ints(2, 8)),
                c.draw("aBits", ints(2, 8)), c.draw("pragmatic", booleans()), c.draw("accBits", ints(8, 20)),
                c.draw("seed", seeds())));
    }

    private static void saturatingClampsAfterEveryTermInTheHardwaresOrder(int wBits, int aBits, boolean pragmatic,
                                                                          int accBits, long seed) {
        IntFormat w = IntFormat.signed(wBits);
        IntFormat a = IntFormat.signed(aBits);
        if (wBits + aBits > accBits)
            return;
        BitSerialPe pe = new BitSerialPe(new PeParams(accBits, Overflow.SATURATE), BitSerialPe.Serial.ACTIVATION,
                pragmatic, 1);
        SplittableRandom r = new SplittableRandom(seed);
        MacArithmetic mac = pe.arithmetic(OperandFormats.of(w, a));
        long acc = 0;
        BigInteger oracle = BigInteger.ZERO;
        for (int i = 0; i < 100; i++) {
            long x = draw(r, a);
            long y = draw(r, w);
            acc = mac.mac(acc, x, y);
            // Terms of the activation x: Stripes takes bit i of x's two's complement pattern, the top bit negative;
            // Pragmatic takes bit i of |x|, every term carrying x's sign.
            BigInteger bx = BigInteger.valueOf(pragmatic ? Math.abs(x) : x);
            for (int bit = 0; bit < (pragmatic ? 63 : aBits); bit++) {
                if (!bx.testBit(bit))
                    continue;
                BigInteger term = BigInteger.valueOf(y).shiftLeft(bit);
                boolean negative = pragmatic ? x < 0 : bit == aBits - 1;
                oracle = Oracles.reduce(oracle.add(negative ? term.negate() : term), accBits, Overflow.SATURATE);
            }
            assertThat(acc).as("MAC %d: %d · %d", i, x, y).isEqualTo(oracle.longValueExact());
        }
    }

    @Test
    void theSlowestOfNLanesMatchesAnEnumerationOfEveryOutcome() {
        forAll(99, 300, c -> theSlowestOfNLanesMatchesAnEnumerationOfEveryOutcome(c.draw("lanes", ints(1, 3)),
                c.draw("seed", seeds())));
    }

    private static void theSlowestOfNLanesMatchesAnEnumerationOfEveryOutcome(int lanes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 2 + r.nextInt(5);
        double[] p = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++)
            total += p[i] = r.nextInt(4);
        if (total == 0)
            return;
        for (int i = 0; i < k; i++)
            p[i] /= total;
        // Every tuple of outcomes, weighted by its probability: E[max(1, T1, …, Tn)].
        double expected = 0;
        int tuples = (int) Math.pow(k, lanes);
        for (int t = 0; t < tuples; t++) {
            double prob = 1;
            int max = 1;
            for (int j = 0, rest = t; j < lanes; j++, rest /= k) {
                prob *= p[rest % k];
                max = Math.max(max, rest % k);
            }
            expected += prob * max;
        }
        assertThat(BitSerialPe.expectedSlowestOf(p, lanes)).isCloseTo(expected, within(1e-12));
    }

    static long draw(SplittableRandom r, IntFormat f) {
        return switch (r.nextInt(4)) {
            case 0 -> f.minInt();
            case 1 -> f.maxInt();
            default -> r.nextLong(f.minInt(), f.maxInt() + 1);
        };
    }
}
