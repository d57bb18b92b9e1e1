package org.bitsweep.pe.shiftadd;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.pe.Oracles;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;

class ShiftAddPeProperties {
    static final List<String> WEIGHTS = List.of("ternary", "binary", "pot3", "pot4", "ant-pot4u", "denseshift3",
            "denseshift4", "int2", "int3", "int4", "int8", "uint2", "uint4", "uint8");
    static final List<String> ACTIVATIONS = List.of("int8", "uint8", "int4", "fp16", "fp8-e4m3");

    @Property(tries = 2000, seed = "1729")
    void eachMacAddsTheExactProductOnceWithTheOverflowRule(@ForAll @IntRange(min = 0, max = 13) int weight,
                                                           @ForAll @IntRange(min = 0, max = 4) int activation,
                                                           @ForAll @IntRange(min = 8, max = 64) int accBits,
                                                           @ForAll boolean saturate,
                                                           @ForAll @LongRange(min = 0) long seed) {
        NumberFormat w = Formats.parse(WEIGHTS.get(weight));
        NumberFormat a = Formats.parse(ACTIVATIONS.get(activation));
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
            assertThat(acc).isEqualTo(oracle.longValueExact());
        }
    }

    @Property(tries = 2000, seed = "4242")
    void dequantizationRoundsThreeTimesAsAnFp32PipelineDoes(@ForAll @LongRange(min = -(1L << 40), max = 1L << 40) long partial,
                                                            @ForAll @IntRange(min = 0, max = 15) int zeroPoint,
                                                            @ForAll @LongRange(min = -(1L << 20), max = 1L << 20) long activationSum,
                                                            @ForAll @IntRange(min = 0, max = 0x7BFF) int scaleCode,
                                                            @ForAll float output, @ForAll boolean fp16Activations) {
        if (!Float.isFinite(output))
            return;
        double scale = Oracles.FP16.decode(scaleCode);
        OperandFormats f = OperandFormats.of(Formats.parse("uint4"), Formats.parse(fp16Activations ? "fp16" : "int8"));
        long out = new ShiftAddPe(new PeParams(64, Overflow.WRAP)).dequantizer(f)
                .accumulate(Oracles.code(output), partial, scale, zeroPoint, activationSum);
        BigInteger corrected = BigInteger.valueOf(partial)
                .subtract(BigInteger.valueOf(zeroPoint).multiply(BigInteger.valueOf(activationSum)));
        float converted = Oracles.nearestFloat(Oracles.times2(new BigDecimal(corrected), fp16Activations ? -24 : 0));
        float scaled = converted * (float) scale;     // Java float arithmetic is IEEE's, round to nearest even
        assertThat(Oracles.fromCode(out)).isEqualTo(output + scaled);
    }
}
