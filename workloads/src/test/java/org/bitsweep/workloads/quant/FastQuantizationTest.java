package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quantizer's fast paths (vectorizable passes for integer rounding, the scale rounded to its format without
 * building a code) give exactly what the definitions give: {@code scale = decode(encode(absmax / max))} in the scale
 * format, {@code q = round_half_even(x / scale)} clamped, {@code value = (float) (q·scale)}; ties, −0, NaN and
 * the largest floats included (tensors hold finite values only).
 */
class FastQuantizationTest {
    static final long SEED = 314159;

    /** The definitions, written the plain way. */
    static void reference(float[] x, int groupSize, IntFormat f, MinifloatFormat scaleFormat, int[] codes,
                          float[] values, double[] scales) {
        double lo = f.minInt();
        double hi = f.maxInt();
        int mask = (1 << f.bits()) - 1;
        double smallest = scaleFormat.minPositiveSubnormal().orElse(scaleFormat.minPositiveNormal());
        for (int g = 0; g < x.length / groupSize; g++) {
            double absmax = 0;
            for (int i = g * groupSize; i < (g + 1) * groupSize; i++)
                absmax = Math.max(absmax, Math.abs((double) x[i]));
            double scale;
            if (absmax == 0) {
                scale = 1;
            } else {
                double raw = absmax / hi;
                double stored = !(raw > 0) || Double.isInfinite(raw) ? 1 : scaleFormat.decode(scaleFormat.encode(raw));
                scale = stored > 0 ? stored : smallest;
                if (!(raw > 0) || Double.isInfinite(raw))
                    scale = 1;
            }
            scales[g] = scale;
            for (int i = g * groupSize; i < (g + 1) * groupSize; i++) {
                double q = Math.rint(x[i] / scale);
                q = q < lo ? lo : (q > hi ? hi : q);
                codes[i] = (int) q & mask;
                values[i] = (float) (q * scale);
            }
        }
    }

    @ParameterizedTest(name = "int{0}")
    @ValueSource(ints = {2, 3, 4, 8})
    void groupQuantizationIsTheDefinitionBitForBit(int bits) {
        IntFormat f = IntFormat.signed(bits);
        SplittableRandom random = new SplittableRandom(SEED + bits);
        int groupSize = 128;
        int groups = 600;
        float[] x = new float[groupSize * groups];
        for (int g = 0; g < groups; g++) {
            // A group of Gaussians, then, in some groups, exact ties at the group's own scale, −0, tiny negatives,
            // the largest float (whose scale overflows fp16 and saturates), all zeros, the smallest subnormal.
            double sigma = Math.pow(10, random.nextDouble(-6, 3));
            for (int i = 0; i < groupSize; i++)
                x[g * groupSize + i] = (float) (random.nextGaussian() * sigma);
            int base = g * groupSize;
            switch (g % 6) {
                case 0 -> {
                    float absmax = 0;
                    for (int i = 0; i < groupSize; i++)
                        absmax = Math.max(absmax, Math.abs(x[base + i]));
                    double scale = QuantConfig.DEFAULT_SCALE_FORMAT.decode(
                            QuantConfig.DEFAULT_SCALE_FORMAT.encode(absmax / f.maxInt()));
                    // (k + ½)·scale is exact in float (an fp16 scale has 11 significant bits); at most absmax, it
                    // leaves the scale as it is.
                    for (int i = 1; i < groupSize; i += 3) {
                        double tie = (random.nextLong(f.minInt(), f.maxInt()) + 0.5) * scale;
                        if (Math.abs(tie) <= absmax)
                            x[base + i] = (float) tie;
                    }
                }
                case 1 -> {
                    x[base + 3] = -0f;
                    x[base + 4] = (float) (-sigma * 1e-6);
                }
                case 2 -> x[base + 7] = Float.MAX_VALUE;
                case 3 -> x[base + 9] = -Float.MAX_VALUE / 3;
                case 4 -> java.util.Arrays.fill(x, base, base + groupSize, 0f);
                default -> x[base + 11] = Float.MIN_VALUE;
            }
        }
        QuantizedTensor q = new Quantizer(f, Granularity.group(groupSize)).quantize(new Tensor("x", groups, groupSize, x));
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        double[] scales = new double[groups];
        reference(x, groupSize, f, QuantConfig.DEFAULT_SCALE_FORMAT, codes, values, scales);
        assertThat(q.scales()).isEqualTo(scales);
        assertThat(q.codes()).isEqualTo(codes);
        for (int i = 0; i < x.length; i++)
            assertThat(Float.floatToRawIntBits(q.values()[i])).as("value %d of x = %s", i, x[i])
                    .isEqualTo(Float.floatToRawIntBits(values[i]));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "e8m0"})
    void aScaleIsRoundedToItsFormatAsEncodeThenDecodeDoes(String name) {
        MinifloatFormat f = (MinifloatFormat) Formats.parse(name);
        ScaleStore store = new ScaleStore(f);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] grid = f.values();
        for (int i = 0; i < grid.length - 1; i++) {
            if (grid[i] <= 0)
                continue;
            double tie = (grid[i] + grid[i + 1]) / 2;               // exact in double: both are short binary fractions
            for (double v : new double[] {grid[i], tie, Math.nextDown(tie), Math.nextUp(tie)})
                assertThat(store.nearest(v)).as("%s at %s", name, v).isEqualTo(f.decode(f.encode(v)));
        }
        double top = grid[grid.length - 1];
        for (int i = 0; i < 20_000; i++) {
            double v = Math.scalb(1 + random.nextDouble(), random.nextInt(Math.getExponent(grid[1] > 0 ? grid[1]
                    : f.minPositiveNormal()) - 3, Math.getExponent(top) + 3));
            assertThat(store.nearest(v)).as("%s at %s", name, v).isEqualTo(f.decode(f.encode(v)));
        }
    }
}
