package org.bitsweep.pe.ant;

import static org.assertj.core.api.Assertions.assertThat;

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

class AntPeProperties {
    static final List<String> WEIGHTS = List.of("ant-flint4", "ant-flint3", "ant-flint4u", "pot4", "pot3", "ant-pot4u",
            "ant4", "int4", "int8", "uint4");
    static final List<String> ACTIVATIONS = List.of("int8", "uint8", "ant-flint4", "ant-flint4u", "pot4", "fp16",
            "fp8-e5m2");

    @Property(tries = 2000, seed = "1729")
    void eachMacAddsTheExactProductOnce(@ForAll @IntRange(min = 0, max = 9) int weight,
                                        @ForAll @IntRange(min = 0, max = 6) int activation,
                                        @ForAll @IntRange(min = 8, max = 64) int accBits, @ForAll boolean saturate,
                                        @ForAll @LongRange(min = 0) long seed) {
        NumberFormat w = Formats.parse(WEIGHTS.get(weight));
        NumberFormat a = Formats.parse(ACTIVATIONS.get(activation));
        OperandFormats f = OperandFormats.of(w, a);
        Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
        AntPe pe = new AntPe(new PeParams(accBits, overflow));
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
            oracle = Oracles.reduce(oracle.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y))),
                    accBits, overflow);
            assertThat(acc).isEqualTo(oracle.longValueExact());
        }
    }
}
