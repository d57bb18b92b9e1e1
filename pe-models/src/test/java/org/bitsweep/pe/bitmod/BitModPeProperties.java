package org.bitsweep.pe.bitmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.floats;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.longs;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.pe.GroupDequantizing;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantizedTensor;
import org.bitsweep.workloads.quant.Quantizer;
import org.bitsweep.workloads.tensor.SyntheticTensors;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** Exact oracles: BigInteger sums of exact fixed-point products, BigDecimal for the dequantization. */
class BitModPeProperties {
    static final List<String> WEIGHTS = List.of("int3", "int4", "int8", "bitmod-fp3", "bitmod-fp3-er-pos",
            "bitmod-fp3-ea-neg", "bitmod-fp4", "bitmod-fp4-er-pos", "bitmod-fp4-er-neg", "bitmod-fp4-ea-pos",
            "bitmod-fp4-ea-neg", "bitmod3", "bitmod4", "ant-flint4", "pot4");
    static final NumberFormat FP16 = Formats.parse("fp16");

    @Test
    void wrappingGivesTheExactDotProductModuloTheAccumulator() {
        forAll(1729, 1500, c -> wrappingGivesTheExactDotProductModuloTheAccumulator(c.draw("weights", oneOf(WEIGHTS)),
                c.draw("accBits", ints(46, 64)), c.draw("seed", seeds())));
    }

    private static void wrappingGivesTheExactDotProductModuloTheAccumulator(String weights, int accBits, long seed) {
        NumberFormat w = Formats.parse(weights);
        OperandFormats f = OperandFormats.of(w, FP16);
        BitModPe pe = new BitModPe(new PeParams(accBits, Overflow.WRAP));
        if (!pe.supports(f))
            return;   // int8 × fp16 needs 49 bits
        Operands ops = pe.operands(f);
        SplittableRandom r = new SplittableRandom(seed);
        double[] grid = w.values();
        int n = 1 + r.nextInt(GroupDequantizing.DEFAULT_GROUP_SIZE);
        long[] a = new long[n];
        long[] ws = new long[n];
        BigInteger exact = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            a[i] = ops.activation(fp16(r));
            ws[i] = ops.weight(grid[r.nextInt(grid.length)]);
            exact = exact.add(BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(ws[i])));
        }
        assertThat(pe.arithmetic(f).dot(0, a, ws)).isEqualTo(Oracles.wrap(exact, accBits));
    }

    @Test
    void saturatingClampsAfterEveryDigit() {
        // The first 13 weight types: all but ant-flint4 and pot4.
        forAll(31415, 1000, c -> saturatingClampsAfterEveryDigit(c.draw("weights", oneOf(WEIGHTS.subList(0, 13))),
                c.draw("accBits", ints(16, 24)), c.draw("seed", seeds())));
    }

    private static void saturatingClampsAfterEveryDigit(String weights, int accBits, long seed) {
        NumberFormat w = Formats.parse(weights);
        OperandFormats f = OperandFormats.of(w, Formats.parse("int8"));
        BitModPe pe = new BitModPe(new PeParams(accBits, Overflow.SATURATE));
        if (!pe.supports(f))
            return;
        MacArithmetic mac = pe.arithmetic(f);
        SplittableRandom r = new SplittableRandom(seed);
        double[] grid = w.values();
        int cycles = (w.bits() + 1) / 2;
        long acc = 0;
        BigInteger oracle = BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(accBits - 1).subtract(BigInteger.ONE);
        BigInteger min = BigInteger.ONE.shiftLeft(accBits - 1).negate();
        for (int i = 0; i < 200; i++) {
            long a = r.nextInt(256) - 128;
            long v = (long) grid[r.nextInt(grid.length)];
            acc = mac.mac(acc, a, v);
            // The unified representation, by hand: |v| = D · 2^E in two-bit digits of D; E = 0 for integer weights,
            // min(trailing zeros, 4) for table types.
            long m = Math.abs(v);
            int e = m == 0 || w instanceof IntFormat ? 0 : Math.min(Long.numberOfTrailingZeros(m), 4);
            long d = m >> e;
            for (int j = 0; j < cycles; j++) {
                long digit = (d >> (2 * j)) & 3;
                if (digit == 0)
                    continue;
                BigInteger term = BigInteger.valueOf(a * digit).shiftLeft(2 * j + e);
                oracle = oracle.add(v < 0 ? term.negate() : term).max(min).min(max);
            }
            assertThat(acc).as("MAC %d: %d · %d", i, a, v).isEqualTo(oracle.longValueExact());
        }
    }

    @Test
    void dequantizationRoundsTheExactScaledSumToFp32ThenAdds() {
        forAll(2718, 2000, c -> {
            long partial = c.draw("partial", longs(-(1L << 50), 1L << 50));
            int scaleCode = c.draw("scaleCode", ints(0, 0x7BFF));
            float output = c.draw("output", floats());
            if (Float.isNaN(output) || Float.isInfinite(output))
                return;
            double scale = Oracles.FP16.decode(scaleCode);
            OperandFormats f = OperandFormats.of(Formats.parse("bitmod-fp4"), FP16);
            long out = new BitModPe(new PeParams(64, Overflow.WRAP)).dequantizer(f)
                    .accumulate(Oracles.code(output), partial, scale, 0, 0);
            // The partial sum is in units of 2^-24; the product with the scale is exact before the first rounding.
            BigDecimal exact = Oracles.times2(new BigDecimal(partial), -24).multiply(new BigDecimal(scale));
            float rounded = Oracles.nearestFloat(exact);
            float expected = output + rounded;     // Java's float add is IEEE's, round to nearest even
            assertThat(Oracles.fromCode(out)).isEqualTo(expected);
        });
    }

    @Test
    void aQuantizedMixtureRowRunsThroughThePeGroupByGroup() {
        forAll(8, 20, c -> aQuantizedMixtureRowRunsThroughThePeGroupByGroup(c.draw("seed", seeds())));
    }

    private static void aQuantizedMixtureRowRunsThroughThePeGroupByGroup(long seed) {
        // The accuracy side's path: quantize weights with bitmod4 in groups of 128, read each group's integer grid
        // values through its selector, run the PE on fp16 activations, dequantize per group; the partial sums must be
        // the exact Σ a·q, and the output the scaled sums added in fp32.
        MixtureFormat bitmod4 = (MixtureFormat) Formats.parse("bitmod4");
        QuantizedTensor q = new Quantizer(bitmod4, Granularity.group(128))
                .quantize(SyntheticTensors.studentT("w", 1, 512, 4, 1.0, seed));
        OperandFormats f = OperandFormats.of(bitmod4, FP16);
        BitModPe pe = new BitModPe(new PeParams(56, Overflow.WRAP));
        Operands ops = pe.operands(f);
        MacArithmetic mac = pe.arithmetic(f);
        SplittableRandom r = new SplittableRandom(seed);
        long out = Oracles.code(0.0f);
        float expected = 0;
        for (int g = 0; g < q.groups(); g++) {
            NumberFormat type = bitmod4.candidates().get(q.selectors()[g]);
            long acc = ops.zeroAccumulator();
            BigInteger exact = BigInteger.ZERO;
            for (int i = g * 128; i < (g + 1) * 128; i++) {
                double gridValue = type.decode(q.codes()[i]);
                assertThat((float) (gridValue * q.scales()[g])).isEqualTo(q.values()[i]);
                long a = ops.activation(fp16(r));
                long w = ops.weight(gridValue);
                acc = mac.mac(acc, a, w);
                exact = exact.add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(w)));
            }
            assertThat(acc).isEqualTo(exact.longValueExact());
            out = pe.dequantizer(f).accumulate(out, acc, q.scales()[g], 0, 0);
            expected += Oracles.nearestFloat(Oracles.times2(new BigDecimal(exact), -24).multiply(new BigDecimal(q.scales()[g])));
        }
        assertThat(Oracles.fromCode(out)).isEqualTo(expected);
    }

    /** A finite fp16 value: any code but ±∞ and NaN, a quarter of the time one of the extremes. */
    static double fp16(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> 65504;
            case 1 -> -65504;
            case 2 -> Math.scalb(1.0, -24);
            default -> {
                int code;
                do
                    code = r.nextInt(1 << 16);
                while (!Double.isFinite(Oracles.FP16.decode(code)));
                yield Oracles.FP16.decode(code);
            }
        };
    }
}
