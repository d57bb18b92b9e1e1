package org.bitsweep.workloads.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Limits against the published tables; special codes; casts at the edges. */
class MinifloatFormatTest {

    static MinifloatFormat f(String name) {
        return (MinifloatFormat) Formats.parse(name);
    }

    /** name, max, min normal, min subnormal (NaN where the format has none), and the source of the row. */
    static Stream<Arguments> publishedLimits() {
        return Stream.of(
                // OCP OFP8 Rev 1.0, Tables 1-2: S.1111.110 = 448, S.0001.000 = 2^-6, S.0000.001 = 2^-9.
                Arguments.of("fp8-e4m3", 448.0, 0x1p-6, 0x1p-9),
                // S.11110.11 = 57344, S.00001.00 = 2^-14, S.00000.01 = 2^-16.
                Arguments.of("fp8-e5m2", 57344.0, 0x1p-14, 0x1p-16),
                // OCP MX v1.0 element table (ONNX float6/float4 docs): E2M3 bias 1, E3M2 bias 3, E2M1 bias 1.
                Arguments.of("fp6-e2m3", 7.5, 1.0, 0.125),
                Arguments.of("fp6-e3m2", 28.0, 0.25, 0.0625),
                Arguments.of("fp4-e2m1", 6.0, 1.0, 0.5),
                // IEEE 754 binary16 and bfloat16 (the top half of binary32).
                Arguments.of("fp16", 65504.0, 0x1p-14, 0x1p-24),
                Arguments.of("bf16", 0x1.fep127, 0x1p-126, 0x1p-133),
                // ml_dtypes fnuz types: bias 8 and 16, max 240 and 57344.
                Arguments.of("float8_e4m3fnuz", 240.0, 0x1p-7, 0x1p-10),
                Arguments.of("float8_e5m2fnuz", 57344.0, 0x1p-15, 0x1p-17),
                // OCP MX E8M0: 2^-127 ... 2^127, no zero, no subnormals.
                Arguments.of("float8_e8m0fnu", 0x1p127, 0x1p-127, Double.NaN));
    }

    @ParameterizedTest
    @MethodSource("publishedLimits")
    void limitsEqualThePublishedSpecs(String name, double max, double minNormal, double minSubnormal) {
        MinifloatFormat format = f(name);
        assertThat(format.maxValue()).isEqualTo(max);
        assertThat(format.minPositiveNormal()).isEqualTo(minNormal);
        if (Double.isNaN(minSubnormal))
            assertThat(format.minPositiveSubnormal()).isEmpty();
        else
            assertThat(format.minPositiveSubnormal()).hasValue(minSubnormal);
    }

    @Test
    void fp4E2m1HasTheMxValueSet() {
        assertThat(f("fp4-e2m1").values()).containsExactly(-6, -4, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4, 6);
    }

    @Test
    void specialCodesFollowEachPolicy() {
        // E4M3 (fn): only S.1111.111 is NaN, so S.1111.000 = 256 is a number; no infinity.
        assertThat(f("fp8-e4m3").decode(0x7F)).isNaN();
        assertThat(f("fp8-e4m3").decode(0xFF)).isNaN();
        assertThat(f("fp8-e4m3").decode(0x78)).isEqualTo(256);
        // E5M2 (IEEE): S.11111.00 = ±inf, S.11111.{01,10,11} = NaN.
        assertThat(f("fp8-e5m2").decode(0x7C)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f("fp8-e5m2").decode(0xFC)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f("fp8-e5m2").decode(0x7D)).isNaN();
        // fnuz: 0x80, the code of -0, is the one NaN; 0x7F is the largest number.
        assertThat(f("float8_e4m3fnuz").decode(0x80)).isNaN();
        assertThat(f("float8_e4m3fnuz").decode(0x7F)).isEqualTo(240);
        // MX FP6/FP4 elements: every code is a number, 0b0111 = 6.
        assertThat(f("fp4-e2m1").decode(0b0111)).isEqualTo(6);
        // E8M0: 0x00 = 2^-127, 0x7F = 1, 0xFF = NaN.
        assertThat(f("e8m0").decode(0x00)).isEqualTo(0x1p-127);
        assertThat(f("e8m0").decode(0x7F)).isEqualTo(1);
        assertThat(f("e8m0").decode(0xFF)).isNaN();
    }

    @Test
    void castsAtTheTopFollowTheRoundingRuleThenTheOverflowPolicy() {
        MinifloatFormat e4m3 = f("fp8-e4m3");
        // 464 is halfway between 448 (0x7E, even) and the NaN slot 480 (0x7F): it rounds to 448 even when not
        // saturating. 452 → 448 and 537 → NaN as ml_dtypes casts them.
        assertThat(e4m3.decode(e4m3.encode(464, CastOverflow.NAN))).isEqualTo(448);
        assertThat(e4m3.decode(e4m3.encode(452, CastOverflow.NAN))).isEqualTo(448);
        assertThat(e4m3.decode(e4m3.encode(537, CastOverflow.NAN))).isNaN();
        assertThat(e4m3.decode(e4m3.encode(537, CastOverflow.SATURATE))).isEqualTo(448);
        assertThat(e4m3.decode(e4m3.encode(Double.NEGATIVE_INFINITY, CastOverflow.SATURATE))).isEqualTo(-448);
        // fp16: 65520 is halfway between 65504 (0x7BFF, odd) and 65536 (0x7C00, even), so it overflows to +inf.
        MinifloatFormat fp16 = f("fp16");
        assertThat(fp16.encode(65520, CastOverflow.INF)).isEqualTo(0x7C00);
        assertThat(fp16.encode(65519.99, CastOverflow.INF)).isEqualTo(0x7BFF);
        assertThatThrownBy(() -> f("fp4-e2m1").encode(100, CastOverflow.INF)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no infinity");
        assertThat(f("fp4-e2m1").decode(f("fp4-e2m1").encode(100, CastOverflow.SATURATE))).isEqualTo(6);
    }

    @Test
    void smallValuesRoundAsMlDtypesDoes() {
        // ml_dtypes float4_e2m1fn: 0.25 → 0, 0.75 → 1, 1.25 → 1, 2.5 → 2, 5 → 4 (ties to the even code).
        MinifloatFormat e2m1 = f("fp4-e2m1");
        assertThat(List.of(0.25, 0.75, 1.25, 2.5, 5.0).stream().map(e2m1::nearest).toList())
                .containsExactly(0.0, 1.0, 1.0, 2.0, 4.0);
        // float8_e8m0fnu: 1.5 → 2, 3 → 4, 0.75 → 1; below 2^-127 → 2^-127; zero and negatives are NaN.
        MinifloatFormat e8m0 = f("e8m0");
        assertThat(List.of(1.5, 3.0, 0.75, 0x1p-130).stream().map(e8m0::nearest).toList())
                .containsExactly(2.0, 4.0, 1.0, 0x1p-127);
        assertThat(e8m0.decode(e8m0.encode(0, CastOverflow.NAN))).isNaN();
        assertThat(e8m0.decode(e8m0.encode(-1, CastOverflow.NAN))).isNaN();
    }

    @Test
    void fnuzHasNoNegativeZero() {
        MinifloatFormat fnuz = f("float8_e4m3fnuz");
        assertThat(fnuz.encode(-0.0)).isZero();
        assertThat(fnuz.encode(-1e-9)).isZero();
        assertThat(f("fp8-e4m3").encode(-0.0)).isEqualTo(0x80);
    }

    @Test
    void genericNamesBuildAnyExMy() {
        MinifloatFormat e3m4 = f("e3m4");
        assertThat(e3m4.bits()).isEqualTo(8);
        assertThat(e3m4.bias()).isEqualTo(3);
        assertThat(e3m4.specials()).isEqualTo(Specials.IEEE);
        // e3m4 IEEE: top finite exponent field 6 → 2^3 · (2 − 2^-4) = 15.5.
        assertThat(e3m4.maxValue()).isEqualTo(15.5);
        assertThat(f("e2m1fin")).satisfies(x -> assertThat(x.values()).isEqualTo(f("fp4-e2m1").values()));
        // Subnormals off: the zero exponent field is zero, so the smallest positive value is the min normal.
        MinifloatFormat flush = f("e4m3fn-nosub");
        assertThat(flush.minPositiveSubnormal()).isEmpty();
        assertThat(flush.nearest(0x1p-9)).isEqualTo(0);
        assertThat(flush.nearest(0x1p-6 * 0.75)).isEqualTo(0x1p-6);
        assertThat(f("e8m10").bits()).isEqualTo(19);
    }
}
