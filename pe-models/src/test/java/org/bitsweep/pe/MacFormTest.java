package org.bitsweep.pe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.workloads.arith.Bits;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each PE's declared {@link MacForm} against its own arithmetic, on every pair of operands its formats have: what
 * reference inference's fast paths rely on. An integer register must end at acc + a·w (wrapped to its width) from
 * any accumulator, or, when it saturates, from every accumulator at least the pair's excursion away from its
 * limits; a binary32 accumulator must end at fl(acc + fl(p)).
 */
class MacFormTest {
    static final long SEED = 20261201L;

    /** The PE families with their typical operand formats (docs/pe-models.md, "Accuracy through a PE"). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("int-mac", 32, Overflow.WRAP, "int8", "int8"),
                Arguments.of("int-mac", 16, Overflow.WRAP, "int8", "int8"),
                Arguments.of("int-mac", 20, Overflow.SATURATE, "int4", "uint8"),
                Arguments.of("bit-serial", 32, Overflow.WRAP, "int8", "uint8"),
                Arguments.of("bit-serial", 24, Overflow.SATURATE, "int8", "int8"),
                Arguments.of("bit-pragmatic", 24, Overflow.SATURATE, "int8", "int8"),
                Arguments.of("shift-add", 32, Overflow.SATURATE, "int4", "int8"),
                Arguments.of("shift-add", 32, Overflow.WRAP, "int2", "int8"),
                Arguments.of("ant", 32, Overflow.SATURATE, "ant-flint4", "int8"),
                Arguments.of("ant", 32, Overflow.WRAP, "ant-pot4", "int8"),
                Arguments.of("olive", 32, Overflow.SATURATE, "olive4", "int8"),
                Arguments.of("bitmod", 48, Overflow.SATURATE, "bitmod4", "fp8-e4m3"),
                Arguments.of("bitmod", 32, Overflow.SATURATE, "int4", "int8"),
                Arguments.of("fp-mac", 32, Overflow.WRAP, "fp8-e4m3", "fp8-e4m3"),
                Arguments.of("fp-mac", 32, Overflow.WRAP, "fp8-e5m2", "fp8-e4m3"),
                Arguments.of("lmul", 32, Overflow.WRAP, "fp8-e4m3", "fp8-e4m3"),
                Arguments.of("lmul", 32, Overflow.WRAP, "fp8-e5m2", "fp8-e5m2"));
    }

    @ParameterizedTest(name = "{0} acc {1} {2}: w {3} a {4}")
    @MethodSource("cases")
    void theDeclaredFormIsThePesArithmeticOnEveryOperandPair(String pe, int accBits, Overflow overflow, String weight,
                                                            String activation) {
        PeModel model = PeCatalog.create(pe, new PeParams(accBits, overflow));
        OperandFormats f = OperandFormats.of(Formats.parse(weight), Formats.parse(activation));
        MacForm form = model.macForm(f).orElseThrow();
        MacArithmetic mac = model.arithmetic(f);
        Operands operands = model.operands(f);
        if (form instanceof MacForm.IntegerSum sum)
            checkIntegerSum(sum, mac, operands(f.activation(), operands::activation), operands(f.weight(),
                    operands::weight));
        else
            checkFp32Sum((MacForm.Fp32Sum) form, mac, f);
    }

    @Test
    void pesWithoutAFastFormSayNothing() {
        // An fp16 accumulator has no binary16 type in Java to vectorize over: it runs MAC by MAC.
        OperandFormats fp8 = OperandFormats.of(Formats.parse("fp8-e4m3"), Formats.parse("fp8-e4m3"));
        assertThat(PeCatalog.create("fp-mac", new PeParams(16, Overflow.WRAP)).macForm(fp8)).isEmpty();
        assertThat(PeCatalog.create("lmul", new PeParams(16, Overflow.WRAP)).macForm(fp8)).isEmpty();
    }

    @Test
    void aBitSerialPesExcursionExceedsItsProductWhereTheTopBitsTermHasTheOtherSign() {
        // Stripes, activations serial: a = −1 is 0b1111_1111 in int8, w = 3. Terms 3·1, 3·2, …, 3·64, then −3·128:
        // the register climbs by 3·127 = 381 before the last term brings it to −3. Excursion 3·255 = 765.
        PeModel stripes = PeCatalog.create("bit-serial", new PeParams(24, Overflow.SATURATE));
        OperandFormats f = OperandFormats.of(Formats.parse("int8"), Formats.parse("int8"));
        MacForm.IntegerSum form = (MacForm.IntegerSum) stripes.macForm(f).orElseThrow();
        assertThat(form.excursion().applyAsLong(-1, 3)).isEqualTo(765);
        assertThat(stripes.arithmetic(f).mac(0, -1, 3)).isEqualTo(-3);
    }

    private static long[] operands(NumberFormat format, java.util.function.DoubleToLongFunction operand) {
        return java.util.Arrays.stream(format.values()).mapToLong(operand).toArray();
    }

    private static void checkIntegerSum(MacForm.IntegerSum form, MacArithmetic mac, long[] activations,
                                        long[] weights) {
        int bits = form.registerBits();
        long max = Bits.maxSigned(bits);
        long min = Bits.minSigned(bits);
        SplittableRandom random = new SplittableRandom(SEED);
        for (long a : activations)
            for (long w : weights) {
                long excursion = form.excursion().applyAsLong(a, w);
                assertThat(excursion).as("excursion(%d, %d) >= |a·w|", a, w).isGreaterThanOrEqualTo(Math.abs(a * w));
                List<Long> accumulators = new ArrayList<>(List.of(0L, 1L, -1L, random.nextLong(min, max)));
                if (form.saturating()) {
                    accumulators.add(max - excursion);
                    accumulators.add(min + excursion);
                } else {
                    accumulators.add(max);
                    accumulators.add(min);
                }
                for (long acc : accumulators) {
                    if (form.saturating() && (acc > max - excursion || acc < min + excursion))
                        continue;
                    long expected = Bits.wrapSigned(acc + a * w, bits);
                    assertThat(mac.mac(acc, a, w)).as("mac(%d, %d, %d) in %d bits", acc, a, w, bits)
                            .isEqualTo(expected);
                }
            }
    }

    private static void checkFp32Sum(MacForm.Fp32Sum form, MacArithmetic mac, OperandFormats f) {
        MinifloatFormat fa = (MinifloatFormat) f.activation();
        MinifloatFormat fw = (MinifloatFormat) f.weight();
        SplittableRandom random = new SplittableRandom(SEED);
        long[] edges = {0, 0x8000_0000L, 1, 0x3F80_0000L, 0xBF80_0000L, 0x7F7F_FFFFL, 0xFF7F_FFFFL, 0x7F80_0000L,
                0xFF80_0000L, 0x7FC0_0000L, 0x4B80_0000L};
        for (int a = 0; a < fa.codeCount(); a++)
            for (int w = 0; w < fw.codeCount(); w++) {
                double p = form.product().of(a, w);
                if (form.productOfCodeValues()) {
                    double plain = fa.decode(a) * fw.decode(w);
                    assertThat(Double.doubleToLongBits(p)).as("p(%d, %d) is the plain product", a, w)
                            .isEqualTo(Double.doubleToLongBits(plain));
                }
                for (long acc : new long[] {edges[random.nextInt(edges.length)], random.nextLong(1L << 32), 0}) {
                    float expected = Float.intBitsToFloat((int) acc) + (float) p;
                    float got = Float.intBitsToFloat((int) mac.mac(acc, a, w));
                    if (Float.isNaN(expected))
                        assertThat(got).as("mac(%x, %d, %d)", acc, a, w).isNaN();
                    else
                        assertThat(Float.floatToRawIntBits(got)).as("mac(%x, %d, %d)", acc, a, w)
                                .isEqualTo(Float.floatToRawIntBits(expected));
                }
            }
    }
}
