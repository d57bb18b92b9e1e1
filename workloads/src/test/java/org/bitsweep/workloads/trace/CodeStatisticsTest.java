package org.bitsweep.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import org.bitsweep.testkit.Gen;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CodeStatisticsTest {

    @Test
    void handCountedInt4() {
        // Values 0, 3, -3, 7, -8: one-bits of |v| are 0, 2, 2, 3, 1 → mean 8/5; one zero in five; exponents of the
        // nonzero values ⌊log2 |v|⌋: 1, 1, 2, 3.
        IntFormat int4 = IntFormat.signed(4);
        int[] codes = {int4.encodeInt(0), int4.encodeInt(3), int4.encodeInt(-3), int4.encodeInt(7), int4.encodeInt(-8)};
        CodeStatistics s = CodeStatistics.of(int4, codes);
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.zeroFraction()).isEqualTo(0.2);
        assertThat(s.meanEssentialBits()).isEqualTo(8.0 / 5);
        assertThat(s.exponentRange()).containsExactly(1, 3);
    }

    @Test
    void minifloatEssentialBitsCountTheSignificand() {
        // E4M3: 1.5 = 1.100b → 2 one bits; 0.75 = 1.100b × 2^-1 → 2; 1.875 = 1.111b → 4; 2^-9 (subnormal 0.001b) → 1.
        NumberFormat e4m3 = Formats.parse("fp8-e4m3");
        assertThat(CodeStatistics.essentialBits(e4m3, e4m3.encode(1.5))).isEqualTo(2);
        assertThat(CodeStatistics.essentialBits(e4m3, e4m3.encode(0.75))).isEqualTo(2);
        assertThat(CodeStatistics.essentialBits(e4m3, e4m3.encode(1.875))).isEqualTo(4);
        assertThat(CodeStatistics.essentialBits(e4m3, e4m3.encode(0x1p-9))).isEqualTo(1);
        assertThat(CodeStatistics.essentialBits(Formats.parse("nf4"), 3)).isEqualTo(-1);
    }

    /** The one-pass histogram's statistics equal a recount element by element. */
    @Test
    void statisticsEqualABruteForceRecount() {
        forAll(2718, 30, c -> {
            NumberFormat f = Formats.parse(c.draw("format", formats()));
            long seed = c.draw("seed", longs(0, 999));
            checkAgainstARecount(f, seed);
        });
    }

    static Gen<String> formats() {
        return oneOf("int4", "int8", "int3", "fp8-e4m3", "fp4-e2m1", "pot4");
    }

    private static void checkAgainstARecount(NumberFormat f, long seed) {
        Tensor t = SyntheticTensors.llmLike("w", 16, 256, 0.02, seed);
        QuantizedTensor q = new Quantizer(f, Granularity.group(64)).quantize(t);
        CodeStatistics s = CodeStatistics.of(f, q.codes());
        long zeros = 0;
        double bits = 0;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int code : q.codes()) {
            double v = f.decode(code);
            if (v == 0)
                zeros++;
            else {
                lo = Math.min(lo, Math.getExponent(v));
                hi = Math.max(hi, Math.getExponent(v));
            }
            bits += CodeStatistics.essentialBits(f, code);
        }
        assertThat(s.count()).isEqualTo(q.codes().length);
        assertThat(s.zeroFraction()).isEqualTo((double) zeros / q.codes().length);
        assertThat(s.meanEssentialBits()).isCloseTo(bits / q.codes().length, within(1e-12));
        assertThat(s.exponentRange()).containsExactly(lo, hi);
    }

    @Test
    void llmLikeTensorsHaveOutlierChannels() {
        // 0.5 % of 1024 columns = 5 outlier channels, 20× the bulk: their mean |w| stands out.
        Tensor t = SyntheticTensors.llmLike("w", 256, 1024, 0.02, 1);
        double[] colMean = new double[1024];
        for (int r = 0; r < 256; r++)
            for (int c = 0; c < 1024; c++)
                colMean[c] += Math.abs(t.get(r, c)) / 256;
        double median = java.util.Arrays.stream(colMean).sorted().toArray()[512];
        long outliers = java.util.Arrays.stream(colMean).filter(m -> m > 10 * median).count();
        assertThat(outliers).isEqualTo(5);
    }
}
