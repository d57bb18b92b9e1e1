package org.bitsweep.pe.fpmac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.List;
import java.util.SplittableRandom;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.pe.lmul.LMulPe;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of fp-mac and lmul (machine float arithmetic, {@link FloatAccumulate}) against their exact paths
 * (exact sums and products, one explicit rounding per step) on the same inputs, for fp32 and fp16 accumulators and
 * the fused fp32 unit: the result codes must be equal, NaN included.
 */
class FloatAccumulateProperties {
    static final List<String> FORMATS = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp4-e2m1");
    static final PeParams FP32 = new PeParams(32, Overflow.WRAP);
    static final PeParams FP16 = new PeParams(16, Overflow.WRAP);

    /**
     * Accumulators that stress the add: both zeros, a subnormal, the smallest normal, 1, a value whose ulp is
     * larger than most products, the largest finite value (an add can overflow to ∞), ∞ and NaN.
     */
    static final long[] EDGE_ACCUMULATORS = {0, 0x8000_0000L, 0x0000_0001L, 0x0080_0000L, 0x3F80_0000L,
            0x4B80_0000L, 0xCB7F_FFFFL, 0x7F7F_FFFFL, 0xFF7F_FFFFL, 0x7F80_0000L, 0xFF80_0000L, 0x7FC0_0000L};
    /** The same for fp16: ±0, the smallest subnormal, the smallest normal, 1, 2048 (ulp 2), ±65504, ±∞, NaN. */
    static final long[] EDGE_FP16_ACCUMULATORS = {0, 0x8000L, 0x0001L, 0x0400L, 0x3C00L, 0x6800L, 0x7BFFL, 0xFBFFL,
            0x7C00L, 0xFC00L, 0x7E00L};

    @Test
    void everyPairOfFp8CodesOnEveryEdgeAccumulatorGivesTheExactPathsCode() {
        for (String name : List.of("fp8-e4m3", "fp8-e5m2")) {
            MinifloatFormat f = (MinifloatFormat) Formats.parse(name);
            OperandFormats pair = OperandFormats.of(f, f);
            for (PeParams p : List.of(FP32, FP16)) {
                long[] edges = p == FP32 ? EDGE_ACCUMULATORS : EDGE_FP16_ACCUMULATORS;
                FpMacPe fpMac = new FpMacPe(p);
                LMulPe lmul = new LMulPe(p);
                assertSame(fpMac.arithmetic(pair), fpMac.exactArithmetic(pair), edges, f.codeCount(), f.codeCount());
                assertSame(lmul.arithmetic(pair), lmul.exactArithmetic(pair), edges, f.codeCount(), f.codeCount());
            }
            FpMacPe fused = new FpMacPe(FP32, true);
            assertSame(fused.arithmetic(pair), fused.exactArithmetic(pair), EDGE_ACCUMULATORS, f.codeCount(),
                    f.codeCount());
        }
    }

    private static void assertSame(MacArithmetic fast, MacArithmetic exact, long[] accumulators, int activationCodes,
                                   int weightCodes) {
        for (long acc : accumulators)
            for (int a = 0; a < activationCodes; a++)
                for (int w = 0; w < weightCodes; w++) {
                    long expected = exact.mac(acc, a, w);
                    long got = fast.mac(acc, a, w);
                    if (got != expected)
                        assertThat(got).as("acc %08x, a %d, w %d", acc, a, w).isEqualTo(expected);
                }
    }

    @Test
    void randomChainsInEveryFormatPairGiveTheExactPathsCodes() {
        forAll(2718, 400, c -> randomChainsInEveryFormatPairGiveTheExactPathsCodes(c.draw("weights", oneOf(FORMATS)),
                c.draw("activations", oneOf(FORMATS)), c.draw("fp16", booleans()), c.draw("fused", booleans()),
                c.draw("seed", seeds())));
    }

    private static void randomChainsInEveryFormatPairGiveTheExactPathsCodes(String wf, String af, boolean fp16,
                                                                            boolean fused, long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(wf);
        MinifloatFormat a = (MinifloatFormat) Formats.parse(af);
        OperandFormats pair = OperandFormats.of(w, a);
        SplittableRandom r = new SplittableRandom(seed);
        PeParams p = fp16 ? FP16 : FP32;
        FpMacPe fpMac = new FpMacPe(p, fused && !fp16);
        chain(fpMac.arithmetic(pair), fpMac.exactArithmetic(pair), a, w, fp16 ? 16 : 32, r);
        if (a.mantissaBits() == w.mantissaBits()) {
            LMulPe lmul = new LMulPe(p);
            chain(lmul.arithmetic(pair), lmul.exactArithmetic(pair), a, w, fp16 ? 16 : 32, r);
        }
    }

    /** 64 MACs from a random accumulator (any bit pattern of the accumulator), each step compared. */
    private static void chain(MacArithmetic fast, MacArithmetic exact, MinifloatFormat a, MinifloatFormat w,
                              int accumulatorBits, SplittableRandom r) {
        long start = r.nextBoolean() ? Integer.toUnsignedLong(r.nextInt()) & ((1L << accumulatorBits) - 1) : 0;
        long accFast = start;
        long accExact = start;
        for (int i = 0; i < 64; i++) {
            int x = r.nextInt(a.codeCount());
            int y = r.nextInt(w.codeCount());
            accFast = fast.mac(accFast, x, y);
            accExact = exact.mac(accExact, x, y);
            assertThat(accFast).as("step %d", i).isEqualTo(accExact);
            if (Float.isNaN(Float.intBitsToFloat((int) accExact)) || accumulatorBits == 16 && isFp16NaN(accExact))
                return;
        }
    }

    @Test
    void anyDoubleRoundsToTheFp16CodeTheExactRoundingGives() {
        forAll(65504, 20000, c -> {
            long bits = c.draw("bits", longs());
            int exponent = c.draw("exponent", ints(-40, 20));
            // A random significand and sign at an exponent around fp16's range (subnormals, normals, overflow), and
            // the raw bit patterns themselves (every exponent, NaN and ∞ included).
            double scaled = Math.scalb(1 + (bits >>> 12) * 0x1p-52, exponent) * (bits < 0 ? -1 : 1);
            for (double d : new double[] {scaled, Double.longBitsToDouble(bits)}) {
                double r = FloatAccumulate.roundToFp16(d);
                long code = Double.isNaN(r) ? FloatFormat.FP16.quietNaN() : FloatAccumulate.fp16Code(r);
                assertThat(code).as("%s", d).isEqualTo(FloatFormat.FP16.fromDouble(d));
            }
        });
    }

    private static boolean isFp16NaN(long code) {
        return FloatFormat.FP16.isNaN(code);
    }
}
