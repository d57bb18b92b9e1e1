package org.bitsweep.pe.shiftadd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
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
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class ShiftAddPeProperties {
    static final List<String> WEIGHTS = List.of("ternary", "binary", "pot3", "pot4", "ant-pot4u", "denseshift3",
            "denseshift4", "int2", "int3", "int4", "int8", "uint2", "uint4", "uint8");
    static final List<String> ACTIVATIONS = List.of("int8", "uint8", "int4", "fp16", "fp8-e4m3");

    @Test
    void eachMacAddsTheExactProductOnceWithTheOverflowRule() {
        forAll(1729, 2000, c -> eachMacAddsTheExactProductOnceWithTheOverflowRule(c.draw("weights", oneOf(WEIGHTS)),
                c.draw("activations", oneOf(ACTIVATIONS)), c.draw("accBits", ints(8, 64)),
                c.draw("saturate", booleans()), c.draw("seed", seeds())));
    }

    private static void eachMacAddsTheExactProductOnceWithTheOverflowRule(String weights, String activations,
                                                                          int accBits, boolean saturate, long seed) {
        NumberFormat w = Formats.parse(weights);
        NumberFormat a = Formats.parse(activations);
        OperandFormats f = OperandFormats.of(w, a);
        Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
        ShiftAddPe pe = new ShiftAddPe(new PeParams(accBits, overflow));
        if (!pe.supports(f))
            return;
        Operands ops = pe.operands(f);
        MacArithmetic mac = pe.arithmetic(f);
        SplittableRandom r = new SplittableRandom(seed);
        double[] wv = w.values();
        double[] av = a.values();
        long acc = 0;
        BigInteger oracle = BigInteger.ZERO;
        for (int i = 0; i < 300; i++) {
            long x = ops.activation(av[r.nextInt(av.length)]);
            long y = ops.weight(wv[r.nextInt(wv.length)]);
            acc = mac.mac(acc, x, y);
            oracle = Oracles.reduce(oracle.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y))), accBits, overflow);
            assertThat(acc).as("MAC %d: %d · %d", i, x, y).isEqualTo(oracle.longValueExact());
        }
    }

    @Test
    void dequantizationRoundsThreeTimesAsAnFp32PipelineDoes() {
        forAll(4242, 2000, c -> {
            long partial = c.draw("partial", longs(-(1L << 40), 1L << 40));
            int zeroPoint = c.draw("zeroPoint", ints(0, 15));
            long activationSum = c.draw("activationSum", longs(-(1L << 20), 1L << 20));
            int scaleCode = c.draw("scaleCode", ints(0, 0x7BFF));
            float output = c.draw("output", floats());
            boolean fp16Activations = c.draw("fp16Activations", booleans());
            if (!Float.isFinite(output))
                return;
            double scale = Oracles.FP16.decode(scaleCode);
            OperandFormats f = OperandFormats.of(Formats.parse("uint4"),
                    Formats.parse(fp16Activations ? "fp16" : "int8"));
            long out = new ShiftAddPe(new PeParams(64, Overflow.WRAP)).dequantizer(f)
                    .accumulate(Oracles.code(output), partial, scale, zeroPoint, activationSum);
            BigInteger corrected = BigInteger.valueOf(partial)
                    .subtract(BigInteger.valueOf(zeroPoint).multiply(BigInteger.valueOf(activationSum)));
            float converted = Oracles.nearestFloat(
                    Oracles.times2(new BigDecimal(corrected), fp16Activations ? -24 : 0));
            float scaled = converted * (float) scale;     // Java float arithmetic is IEEE's, round to nearest even
            assertThat(Oracles.fromCode(out)).isEqualTo(output + scaled);
        });
    }
}
