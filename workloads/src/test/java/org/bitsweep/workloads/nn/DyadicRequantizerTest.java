package org.bitsweep.workloads.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import org.junit.jupiter.api.Test;

/** HAWQ-V3's dyadic requantization against exact rationals (BigDecimal and BigInteger). */
class DyadicRequantizerTest {
    @Test
    void aRatioByHand() {
        // r = 0.75 · 0.5 / 3 = 1/8 exactly. With 8-bit multipliers m must lie in [128, 256): m = 128, shift = 10
        // (128 / 1024 = 1/8). Then 100 · 1/8 = 12.5 rounds up to 13, −100 · 1/8 = −12.5 up to −12.
        DyadicRequantizer d = DyadicRequantizer.of(0.75, 0.5, 3, 8);
        assertThat(d).isEqualTo(new DyadicRequantizer(128, 10));
        assertThat(d.apply(100)).isEqualTo(13);
        assertThat(d.apply(-100)).isEqualTo(-12);
    }

    @Test
    void theMultiplierIsTheNearestOfItsWidthAndScalingRoundsAsIntegersDo() {
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 3000; trial++) {
            double a = Math.scalb(1 + random.nextInt(1024) / 1024.0, random.nextInt(-20, 4));   // fp16-like scales
            double b = Math.scalb(1 + random.nextInt(1024) / 1024.0, random.nextInt(-12, 2));
            double c = Math.scalb(1 + random.nextInt(1024) / 1024.0, random.nextInt(-12, 2));
            int bits = random.nextInt(2, 32);
            DyadicRequantizer d;
            try {
                d = DyadicRequantizer.of(a, b, c, bits);
            } catch (IllegalArgumentException tooLarge) {
                continue;                                   // r >= 2^bits: no shift would do
            }
            String what = "r = %s·%s/%s, %d bits → %s".formatted(a, b, c, bits, d);
            assertThat(d.multiplier()).as(what).isBetween(1L << (bits - 1), (1L << bits) - 1);
            BigDecimal r = new BigDecimal(a).multiply(new BigDecimal(b)).divide(new BigDecimal(c), 80,
                    RoundingMode.HALF_EVEN);
            BigDecimal approx = new BigDecimal(d.multiplier()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(d.shift())));
            BigDecimal halfQuantum = BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(d.shift() + 1)));
            assertThat(approx.subtract(r).abs()).as(what).isLessThanOrEqualTo(halfQuantum);
            for (long v : new long[] {0, 1, -1, random.nextLong(-1L << 31, 1L << 31), random.nextLong(),
                    Long.MAX_VALUE / 2}) {
                BigInteger exact = BigInteger.valueOf(v).multiply(BigInteger.valueOf(d.multiplier()));
                if (d.shift() > 0)
                    exact = exact.add(BigInteger.ONE.shiftLeft(d.shift() - 1));
                BigInteger expected = new BigDecimal(exact).divide(new BigDecimal(BigInteger.ONE.shiftLeft(d.shift())))
                        .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
                if (expected.bitLength() < 64)
                    assertThat(d.apply(v)).as(what + " at " + v).isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void theBiasIsTheNearestIntegerInUnitsOfTheAccumulator() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            float bias = (float) random.nextGaussian();
            double sw = Math.scalb(1 + random.nextInt(1024) / 1024.0, random.nextInt(-14, -4));
            double sa = Math.scalb(1 + random.nextInt(1024) / 1024.0, random.nextInt(-10, 0));
            long expected = new BigDecimal(bias).divide(new BigDecimal(sw).multiply(new BigDecimal(sa)), 0,
                    RoundingMode.HALF_EVEN).longValueExact();
            assertThat(DyadicRequantizer.nearestInteger(bias, sw, sa)).as("%s / (%s·%s)", bias, sw, sa)
                    .isEqualTo(expected);
        }
    }

    @Test
    void integerOnlyInferenceClassifiesAsTheFloatRequantizationDoes() {
        // The dyadic path changes only the rounding of each hidden layer's output onto the next layer's grid (one
        // rounding of acc·m/2^shift instead of float rounding then requantization), so predictions barely move.
        Network cnn = FashionModels.shipped(FashionModels.CNN).network();
        QuantConfig w = QuantConfig.of(Formats.parse("int8"), Granularity.channel(0));
        QuantConfig a = QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR);
        LabelledImages images = FashionMnist.test().first(500);
        InferenceConfig c = InferenceConfig.of(w, a);
        ReferenceInference dyadic = ReferenceInference.prepare(cnn, c.withRequantization(new Requantization.Dyadic(31)),
                FashionMnist.calibration());
        assertThat(dyadic.dotProductPaths().get("conv1")).endsWith("dyadic requantization");
        int[] fast = dyadic.predict(images);
        int[] macByMac = ReferenceInference.prepare(cnn, c.withRequantization(new Requantization.Dyadic(31)),
                FashionMnist.calibration(), DotProductPath.MAC_BY_MAC).predict(images);
        assertThat(fast).isEqualTo(macByMac);
        int[] floats = ReferenceInference.prepare(cnn, c, FashionMnist.calibration()).predict(images);
        int same = 0;
        for (int i = 0; i < fast.length; i++)
            same += fast[i] == floats[i] ? 1 : 0;
        assertThat(same).isGreaterThanOrEqualTo(490);
    }

    @Test
    void dyadicRequantizationNeedsIntegerCodesThroughout() {
        QuantConfig fp8 = QuantConfig.of(Formats.parse("fp8-e4m3"), Granularity.TENSOR);
        QuantConfig int8 = QuantConfig.of(Formats.parse("int8"), Granularity.TENSOR);
        assertThatThrownBy(() -> InferenceConfig.of(int8, fp8).withRequantization(new Requantization.Dyadic(31)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("needs integer activations");
        QuantConfig group = QuantConfig.of(Formats.parse("int4"), Granularity.group(32));
        assertThatThrownBy(() -> InferenceConfig.of(group, int8).withRequantization(new Requantization.Dyadic(31)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("one scale per tensor or per output");
    }
}
