package org.bitsweep.pe.olive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.booleans;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.Gen.seeds;
import static org.bitsweep.testkit.PropertyCheck.forAll;

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

class OlivePeProperties {
    static final List<String> ACTIVATIONS = List.of("olive4", "int8", "uint8", "fp16", "fp8-e4m3");

    @Test
    void eachMacAddsTheExactProductOnce() {
        forAll(1729, 1500, c -> eachMacAddsTheExactProductOnce(c.draw("activations", oneOf(ACTIVATIONS)),
                c.draw("accBits", ints(8, 64)), c.draw("saturate", booleans()), c.draw("seed", seeds())));
    }

    private static void eachMacAddsTheExactProductOnce(String activations, int accBits, boolean saturate, long seed) {
        NumberFormat w = Formats.parse("olive4");
        NumberFormat a = Formats.parse(activations);
        OperandFormats f = OperandFormats.of(w, a);
        Overflow overflow = saturate ? Overflow.SATURATE : Overflow.WRAP;
        OlivePe pe = new OlivePe(new PeParams(accBits, overflow));
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
            assertThat(acc).as("MAC %d: %d · %d", i, x, y).isEqualTo(oracle.longValueExact());
        }
    }
}
