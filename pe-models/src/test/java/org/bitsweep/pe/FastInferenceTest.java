package org.bitsweep.pe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.nn.DotProductPath;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast dot products of reference inference ({@link DotProductPath#FAST}: exact integer sums, binary32 sums over
 * many outputs at once, product tables) against the MAC-by-MAC path through each PE's own arithmetic, on the shipped
 * CNN (two convolutions, two dense layers): the same logits, bit for bit, for every PE family with its typical
 * formats, and the fast path actually taken where the PE declares its form.
 */
class FastInferenceTest {
    static final LabelledImages IMAGES = FashionMnist.test().first(200);
    static final Network CNN = FashionModels.shipped(FashionModels.CNN).network();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("int-mac", 32, Overflow.WRAP, "int8:channel:0", "int8:tensor"),
                Arguments.of("int-mac", 16, Overflow.WRAP, "int8:channel:0", "int8:tensor"),
                Arguments.of("int-mac", 32, Overflow.SATURATE, "int4:group:32", "int8:tensor"),
                Arguments.of("bit-serial", 32, Overflow.SATURATE, "int8:channel:0", "uint8:tensor"),
                Arguments.of("shift-add", 32, Overflow.WRAP, "int4:group:32", "int8:tensor"),
                Arguments.of("ant", 32, Overflow.WRAP, "ant-flint4:channel:0", "int8:tensor"),
                Arguments.of("olive", 32, Overflow.SATURATE, "olive4:group:16", "int8:tensor"),
                Arguments.of("bitmod", 48, Overflow.WRAP, "int4:group:128", "fp16:none"),
                Arguments.of("bitmod", 48, Overflow.SATURATE, "bitmod4:group:128", "fp16:none"),
                Arguments.of("fp-mac", 32, Overflow.WRAP, "fp8-e4m3:channel:0", "fp8-e4m3:tensor"),
                Arguments.of("fp-mac", 32, Overflow.WRAP, "fp8-e5m2:channel:0", "fp8-e5m2:tensor"),
                Arguments.of("fp-mac", 32, Overflow.WRAP, "bf16:channel:0", "bf16:tensor"),
                Arguments.of("lmul", 32, Overflow.WRAP, "fp8-e4m3:channel:0", "fp8-e4m3:tensor"),
                Arguments.of("lmul", 32, Overflow.WRAP, "fp8-e5m2:group:32", "fp8-e5m2:tensor"));
    }

    static QuantConfig config(String spec) {
        int colon = spec.indexOf(':');
        return QuantConfig.of(Formats.parse(spec.substring(0, colon)), Granularity.parse(spec.substring(colon + 1)));
    }

    @ParameterizedTest(name = "{0} acc {1} {2}: w {3} a {4}")
    @MethodSource("cases")
    void theFastPathGivesTheMacByMacLogitsBitForBit(String pe, int accBits, Overflow overflow, String weights,
                                                     String activations) {
        MacSupplier supplier = PeCatalog.create(pe, new PeParams(accBits, overflow)).macSupplier();
        InferenceConfig c = InferenceConfig.of(config(weights), config(activations)).withArithmetic(supplier);
        ReferenceInference fast = ReferenceInference.prepare(CNN, c, FashionMnist.calibration(), DotProductPath.FAST);
        ReferenceInference reference = ReferenceInference.prepare(CNN, c, FashionMnist.calibration(),
                DotProductPath.MAC_BY_MAC);
        assertThat(fast.dotProductPaths().values()).as("a fast path on every layer").noneMatch("MAC by MAC"::equals);
        assertThat(reference.dotProductPaths().values()).allMatch("MAC by MAC"::equals);
        assertSameBits(fast.logits(IMAGES), reference.logits(IMAGES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerSuppliers")
    void theBuiltInIntegerAccumulatorsToo(MacSupplier supplier) {
        InferenceConfig c = InferenceConfig.of(config("int8:channel:0"), config("int8:tensor")).withArithmetic(supplier);
        LabelledImages images = IMAGES.first(100);
        assertSameBits(ReferenceInference.prepare(CNN, c, FashionMnist.calibration(), DotProductPath.FAST).logits(images),
                ReferenceInference.prepare(CNN, c, FashionMnist.calibration(), DotProductPath.MAC_BY_MAC)
                        .logits(images));
    }

    static Stream<MacSupplier> integerSuppliers() {
        // 18-bit saturation can be reached by conv2 (K = 200, 127·127·200 > 2^17): that layer falls back to MAC by
        // MAC, the others take the fast path, and the logits still agree.
        return Stream.of(MacSupplier.EXACT, MacSupplier.wrapping(12), MacSupplier.saturating(18),
                MacSupplier.saturating(40));
    }

    static void assertSameBits(float[][] fast, float[][] reference) {
        assertThat(fast.length).isEqualTo(reference.length);
        for (int i = 0; i < fast.length; i++)
            for (int j = 0; j < fast[i].length; j++)
                assertThat(Float.floatToRawIntBits(fast[i][j])).as("image %d logit %d: %s against %s", i, j,
                        fast[i][j], reference[i][j]).isEqualTo(Float.floatToRawIntBits(reference[i][j]));
    }
}
