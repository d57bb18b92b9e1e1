package org.bitsweep.workloads.format;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The named formats and where each comes from. Value sets are written as the sources give them; everything else
 * (limits, codes) is derived. The choices the sources leave open are in docs/formats.md.
 */
final class FormatCatalog {
    private FormatCatalog() {
    }

    static final MinifloatFormat FP8_E4M3 = MinifloatFormat.of("fp8-e4m3", 4, 3, Specials.FN, "float8_e4m3fn", "e4m3fn");
    static final MinifloatFormat FP8_E5M2 = MinifloatFormat.of("fp8-e5m2", 5, 2, Specials.IEEE, "float8_e5m2");
    static final MinifloatFormat FP6_E3M2 = MinifloatFormat.of("fp6-e3m2", 3, 2, Specials.NONE, "float6_e3m2fn");
    static final MinifloatFormat FP6_E2M3 = MinifloatFormat.of("fp6-e2m3", 2, 3, Specials.NONE, "float6_e2m3fn");
    static final MinifloatFormat FP4_E2M1 = MinifloatFormat.of("fp4-e2m1", 2, 1, Specials.NONE, "float4_e2m1fn", "fp4");

    /** OCP FP8 (E4M3, E5M2), IEEE binary16, bfloat16, the MX element types and ml_dtypes' fnuz and E8M0 types. */
    static List<MinifloatFormat> minifloats() {
        return List.of(FP8_E4M3, FP8_E5M2,
                MinifloatFormat.of("fp8-e4m3fnuz", 4, 3, Specials.FNUZ, "float8_e4m3fnuz"),
                MinifloatFormat.of("fp8-e5m2fnuz", 5, 2, Specials.FNUZ, "float8_e5m2fnuz"),
                FP6_E3M2, FP6_E2M3, FP4_E2M1,
                MinifloatFormat.of("fp16", 5, 10, Specials.IEEE, "float16", "half"),
                MinifloatFormat.of("bf16", 8, 7, Specials.IEEE, "bfloat16"),
                new MinifloatFormat("e8m0", List.of("float8_e8m0fnu"), 8, 0, 127, false, ExponentZero.NORMAL,
                        Specials.FN));
    }

    static final String NF4_SOURCE = "QLoRA (Dettmers et al. 2023), Appendix E; bitsandbytes NF4 constants";
    private static final double[] NF4 = floats(-1.0f, -0.6961928009986877f, -0.5250730514526367f,
            -0.39491748809814453f, -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
            0.07958029955625534f, 0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f,
            0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f);

    static final String BITMOD_SOURCE = "BitMoD (Chen et al., HPCA 2025), abdelfattah-lab/BitMoD-HPCA-25 "
            + "bitmod_quant/quant_utils/quant_weight.py";
    static final String ANT_SOURCE = "ANT (Guo et al., MICRO 2022), official code ant_quantization/antquant/"
            + "quant_modules.py (flint_value, pot_value)";

    static List<LookupFormat> lookups() {
        List<LookupFormat> l = new ArrayList<>();
        l.add(new LookupFormat("nf4", List.of("normalfloat4"), 4, NF4, NF4_SOURCE, ScaleRule.ABSMAX));
        l.addAll(bitmod("bitmod-fp3", 3, new double[] {0, 1, -1, 2, -2, 4, -4}, new double[] {3, 6}));
        l.addAll(bitmod("bitmod-fp4", 4, new double[] {0, 1, -1, 2, -2, 3, -3, 4, -4, 6, -6, 8, -8, 12, -12},
                new double[] {10, 16}));
        l.add(LookupFormat.ofValues("ant-flint4", 4, new double[] {0, 1, -1, 2, -2, 3, -3, 4, -4, 6, -6, 8, -8, 16, -16},
                ANT_SOURCE));
        l.add(LookupFormat.ofValues("ant-flint4u", 4, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 24, 32, 64},
                ANT_SOURCE));
        l.add(LookupFormat.ofValues("ant-flint3", 3, new double[] {0, 1, -1, 2, -2, 4, -4}, ANT_SOURCE));
        l.add(LookupFormat.ofValues("pot4", 4, signedPowersOfTwo(0, 6, true), ANT_SOURCE, "ant-pot4"));
        l.add(LookupFormat.ofValues("pot3", 3, signedPowersOfTwo(0, 2, true), ANT_SOURCE, "ant-pot3"));
        l.add(LookupFormat.ofValues("ant-pot4u", 4,
                DoubleStream.concat(DoubleStream.of(0), IntStream.rangeClosed(0, 14).mapToDouble(i -> Math.scalb(1.0, i)))
                        .toArray(), ANT_SOURCE));
        String denseShift = "DenseShift (Li et al., ICCV 2023, arXiv 2208.09708): zero-free sign × 2^i, "
                + "i = 0 .. 2^(b-1) - 1";
        l.add(LookupFormat.ofValues("denseshift3", 3, signedPowersOfTwo(0, 3, false), denseShift));
        l.add(LookupFormat.ofValues("denseshift4", 4, signedPowersOfTwo(0, 7, false), denseShift));
        l.add(LookupFormat.ofValues("ternary", 2, new double[] {-1, 0, 1},
                "BitNet b1.58 (Ma et al. 2024), absmean quantization: RoundClip(W / mean|W|, -1, 1)",
                ScaleRule.ABSMEAN, "bitnet-b1.58"));
        l.add(LookupFormat.ofValues("binary", 1, new double[] {-1, 1},
                "sign(w) × mean|w| (XNOR-Net, Rastegari et al. 2016; BitNet's binary weights scale the same way)",
                ScaleRule.ABSMEAN));
        return l;
    }

    /** MX block formats, BitMoD's mixtures, ANT's per-tensor type choice and OliVe's outlier-victim pairs. */
    static List<NumberFormat> composites() {
        List<NumberFormat> c = new ArrayList<>();
        c.add(new MxFormat("mxfp8-e4m3", FP8_E4M3, 8, 32, FP8_E4M3.maxValue()));
        c.add(new MxFormat("mxfp8-e5m2", FP8_E5M2, 15, 32, FP8_E5M2.maxValue()));
        c.add(new MxFormat("mxfp6-e3m2", FP6_E3M2, 4, 32, FP6_E3M2.maxValue()));
        c.add(new MxFormat("mxfp6-e2m3", FP6_E2M3, 2, 32, FP6_E2M3.maxValue()));
        c.add(new MxFormat("mxfp4", FP4_E2M1, 2, 32, FP4_E2M1.maxValue()));
        FixedPointFormat int8Element = new FixedPointFormat("int8/64", IntFormat.signed(8), 6);
        c.add(new MxFormat("mxint8", int8Element, 0, 32, 127.0 / 64));
        c.add(nvfp4());

        List<LookupFormat> lookups = lookups();
        c.add(new MixtureFormat("bitmod3", variants(lookups, "bitmod-fp3-"), BITMOD_SOURCE + ", mixed_bitmod"));
        c.add(new MixtureFormat("bitmod4", variants(lookups, "bitmod-fp4-"), BITMOD_SOURCE + ", mixed_bitmod"));
        c.add(new MixtureFormat("ant4", List.of(IntFormat.signed(4), find(lookups, "ant-flint4"), find(lookups, "pot4")),
                ANT_SOURCE + ", search_adaptive_numeric_type"));
        c.add(olive4());
        return c;
    }

    /**
     * NVFP4: FP4 E2M1 elements (max 6) sharing an E4M3 scale per block of 16, under one FP32 scale per tensor (NVIDIA,
     * "Pretraining Large Language Models with NVFP4", arXiv 2509.25149, section 2); the scales are computed as
     * NVIDIA/TransformerEngine's reference quantizer does ({@code custom_recipes/quantization_nvfp4.py},
     * {@code _quantize_blockwise_reference}). The emax (2) is the element's, as for MXFP4; the scale does not use it.
     */
    private static MxFormat nvfp4() {
        return new MxFormat("nvfp4", FP4_E2M1, 2, 16, FP4_E2M1.maxValue(), MxFormat.BlockScale.E4M3_TIMES_FP32_TENSOR);
    }

    /** A BitMoD basic type and its four special-value variants (extra resolution ±a, extra asymmetry ±b). */
    private static List<LookupFormat> bitmod(String base, int bits, double[] values, double[] special) {
        List<LookupFormat> l = new ArrayList<>();
        l.add(LookupFormat.ofValues(base, bits, values, BITMOD_SOURCE));
        String[] kinds = {"er", "ea"};
        for (int k = 0; k < 2; k++)
            for (int sign : new int[] {1, -1}) {
                double[] v = DoubleStream.concat(DoubleStream.of(values), DoubleStream.of(sign * special[k])).toArray();
                l.add(LookupFormat.ofValues(base + "-" + kinds[k] + (sign > 0 ? "-pos" : "-neg"), bits, v, BITMOD_SOURCE));
            }
        return l;
    }

    private static List<NumberFormat> variants(List<LookupFormat> lookups, String prefix) {
        return lookups.stream().filter(f -> f.name().startsWith(prefix)).map(f -> (NumberFormat) f).toList();
    }

    private static LookupFormat find(List<LookupFormat> lookups, String name) {
        return lookups.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** 4-bit OliVe: int4 or flint4 normals ending at 32, abfloat outliers 2^e·(1 + m/2), e = 5..8, without 32. */
    private static OliveFormat olive4() {
        String source = "OliVe (Guo et al., ISCA 2023), official code olive_quantization/antquant/quant_modules.py";
        LookupFormat intNormal = LookupFormat.ofValues("olive-int4", 4,
                IntStream.rangeClosed(-7, 7).mapToDouble(i -> 4.0 * i).toArray(), source);
        LookupFormat flintNormal = LookupFormat.ofValues("olive-flint4", 4,
                new double[] {0, 2, -2, 4, -4, 6, -6, 8, -8, 12, -12, 16, -16, 32, -32}, source);
        double[] outliers = {48, 64, 96, 128, 192, 256, 384};
        return new OliveFormat("olive4", 4, List.of(intNormal, flintNormal), outliers, 32, source);
    }

    private static double[] signedPowersOfTwo(int lowExponent, int highExponent, boolean withZero) {
        DoubleStream powers = IntStream.rangeClosed(lowExponent, highExponent).mapToDouble(i -> Math.scalb(1.0, i));
        double[] p = powers.toArray();
        DoubleStream both = DoubleStream.concat(DoubleStream.of(p), DoubleStream.of(p).map(v -> -v));
        return (withZero ? DoubleStream.concat(DoubleStream.of(0), both) : both).toArray();
    }

    private static double[] floats(float... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++)
            d[i] = values[i];
        return d;
    }
}
