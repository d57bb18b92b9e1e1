package org.bitsweep.pe.fpmac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
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
 * The fast fp32 paths of fp-mac and lmul (machine float arithmetic) against their exact paths (exact sums and
 * products, one explicit rounding per step) on the same inputs: the result codes must be equal, NaN included.
 */
class Fp32AccumulateProperties {
    static final List<String> FORMATS = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp4-e2m1");
    static final PeParams FP32 = new PeParams(32, Overflow.WRAP);

    /**
     * Accumulators that stress the add: both zeros, a subnormal, the smallest normal, 1, a value whose ulp is
     * larger than most products, the largest finite value (an add can overflow to ∞), ∞ and NaN.
     */
    static final long[] EDGE_ACCUMULATORS = {0, 0x8000_0000L, 0x0000_0001L, 0x0080_0000L, 0x3F80_0000L,
            0x4B80_0000L, 0xCB7F_FFFFL, 0x7F7F_FFFFL, 0xFF7F_FFFFL, 0x7F80_0000L, 0xFF80_0000L, 0x7FC0_0000L};

    @Test
    void everyPairOfFp8CodesOnEveryEdgeAccumulatorGivesTheExactPathsCode() {
        for (String name : List.of("fp8-e4m3", "fp8-e5m2")) {
            MinifloatFormat f = (MinifloatFormat) Formats.parse(name);
            OperandFormats pair = OperandFormats.of(f, f);
            FpMacPe fpMac = new FpMacPe(FP32);
            LMulPe lmul = new LMulPe(FP32);
            assertSame(fpMac.arithmetic(pair), fpMac.exactArithmetic(pair), f.codeCount(), f.codeCount());
            assertSame(lmul.arithmetic(pair), lmul.exactArithmetic(pair), f.codeCount(), f.codeCount());
        }
    }

    private static void assertSame(MacArithmetic fast, MacArithmetic exact, int activationCodes, int weightCodes) {
        for (long acc : EDGE_ACCUMULATORS)
            for (int a = 0; a < activationCodes; a++)
                for (int w = 0; w < weightCodes; w++) {
                    long expected = exact.mac(acc, a, w);
                    long got = fast.mac(acc, a, w);
                    if (got != expected)
                        assertThat(got).as("acc %08x, a %d, w %d", acc, a, w).isEqualTo(expected);
                }
    }

    @Property(tries = 400, seed = "2718")
    void randomChainsInEveryFormatPairGiveTheExactPathsCodes(@ForAll @IntRange(min = 0, max = 5) int wf,
                                                            @ForAll @IntRange(min = 0, max = 5) int af,
                                                            @ForAll @LongRange(min = 0) long seed) {
        MinifloatFormat w = (MinifloatFormat) Formats.parse(FORMATS.get(wf));
        MinifloatFormat a = (MinifloatFormat) Formats.parse(FORMATS.get(af));
        OperandFormats pair = OperandFormats.of(w, a);
        SplittableRandom r = new SplittableRandom(seed);
        FpMacPe fpMac = new FpMacPe(FP32);
        chain(fpMac.arithmetic(pair), fpMac.exactArithmetic(pair), a, w, r);
        if (a.mantissaBits() == w.mantissaBits()) {
            LMulPe lmul = new LMulPe(FP32);
            chain(lmul.arithmetic(pair), lmul.exactArithmetic(pair), a, w, r);
        }
    }

    /** 64 MACs from a random accumulator (any fp32 pattern), each step compared. */
    private static void chain(MacArithmetic fast, MacArithmetic exact, MinifloatFormat a, MinifloatFormat w,
                              SplittableRandom r) {
        long start = r.nextBoolean() ? Integer.toUnsignedLong(r.nextInt()) : 0;
        long accFast = start;
        long accExact = start;
        for (int i = 0; i < 64; i++) {
            int x = r.nextInt(a.codeCount());
            int y = r.nextInt(w.codeCount());
            accFast = fast.mac(accFast, x, y);
            accExact = exact.mac(accExact, x, y);
            assertThat(accFast).isEqualTo(accExact);
            if (FloatFormat.FP32.isNaN(accExact))
                return;
        }
    }
}
