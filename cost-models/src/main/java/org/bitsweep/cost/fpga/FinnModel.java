package org.bitsweep.cost.fpga;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * FINN's published resource model (FINN-R, Blott et al., ACM TRETS 2018), as Xilinx/finn computes it, with its
 * constants from {@code fpga/finn.yaml}: the reference model for integer MACs in LUTs, and FINN's block RAM rule.
 * Each method names the FINN function it follows. Symbols are FINN's: P = PE, Q = SIMD, W and A the weight and
 * activation bits, MW the matrix width (the dot products' length).
 */
public final class FinnModel {
    static final String FILE = "fpga/finn.yaml";

    private record Data(Map<String, Quantity> quantities, List<int[]> bram18AspectRatios, String bramBasis,
                        ResourceLimits limits) {
    }

    private static final Data DATA = Yaml.bundled(FILE, FinnModel::parse);

    private FinnModel() {
    }

    public static Quantity quantity(String name) {
        return Quantity.require(DATA.quantities, name, FILE, "quantities");
    }

    /** c0: LUTs of one matrix-vector unit's control, added once. */
    public static double controlLuts() {
        return quantity("mvau_lut_c0").value();
    }

    /** c1: the factor on every PE's datapath LUTs. */
    public static double lutFactor() {
        return quantity("mvau_lut_c1").value();
    }

    public static int lutInputs() {
        return (int) quantity("lut_inputs").value();
    }

    /** mult_luts for one multiplication (Q = 1): (2·⌈(W+A)/6⌉ − 1)·(W+A). */
    public static double multiplierLuts(int weightBits, int activationBits) {
        int wa = weightBits + activationBits;
        return (2.0 * ceilDiv(wa, lutInputs()) - 1) * wa;
    }

    /** addertree_luts: (W+A)·(2Q − 1), for products of {@code productBits} = W + A bits. */
    public static double adderTreeLuts(int productBits, int lanes) {
        return (double) productBits * (2L * lanes - 1);
    }

    /**
     * The accumulator bits FINN uses when none is set: ⌈α + log2(1 + 2^−α) + 1⌉ with α = log2(MW) + W + A − 1 −
     * signed(A), the data-type bound of Colbert et al. (arXiv 2301.13376), capped at {@code capBits}.
     */
    public static int minimalAccumulatorBits(int weightBits, int activationBits, long matrixWidth,
                                             boolean signedActivations, int capBits) {
        if (matrixWidth < 1)
            throw new IllegalArgumentException("matrix width must be >= 1, got " + matrixWidth);
        double alpha = log2(matrixWidth) + weightBits + activationBits - 1 - (signedActivations ? 1 : 0);
        return (int) Math.min(capBits, Math.ceil(alpha + log2(1 + Math.pow(2, -alpha)) + 1));
    }

    /**
     * MVAU_hls.lut_estimation without thresholds and with weights in block RAM: c0 + c1·P·(mult + addertree + acc),
     * mult = Q·{@link #multiplierLuts} (0 when the multiplications use DSPs). FINN truncates to an int.
     */
    public static long mvauLuts(int pe, int simd, int weightBits, int activationBits, int accumulatorBits,
                                boolean dspMultipliers) {
        double mult = dspMultipliers ? 0 : simd * multiplierLuts(weightBits, activationBits);
        double perPe = mult + adderTreeLuts(weightBits + activationBits, simd) + accumulatorBits;
        return (long) (controlLuts() + lutFactor() * pe * perPe);
    }

    /** MVAU_hls.dsp_estimation with DSP multipliers: P·Q·⌈(W+A)/48⌉. */
    public static long hlsDsps(int pe, int simd, int weightBits, int activationBits) {
        return (long) pe * simd * ceilDiv(weightBits + activationBits, (int) quantity("hls_dsp_product_bits").value());
    }

    /** MVAU_rtl.dsp_estimation: DSP58 → P·⌈Q/3⌉; otherwise ⌈P/4⌉·Q. */
    public static long rtlDsps(int pe, int simd, String dspSlice) {
        if (dspSlice.equals("DSP58"))
            return (long) pe * ceilDiv(simd, (int) quantity("rtl_dsp58_products").value());
        return (long) ceilDiv(pe, (int) quantity("rtl_dsp48_products").value()) * simd;
    }

    /**
     * MVAU.bram_estimation: RAMB18s in simple dual-port mode for {@code depth} words of {@code width} bits, with the
     * first aspect ratio whose width holds the word, or 512 × 36 pieces for wide, shallow memories.
     */
    public static long bram18(long depth, long width) {
        if (depth < 1 || width < 1)
            throw new IllegalArgumentException("memory %d × %d bits".formatted(depth, width));
        List<int[]> ratios = DATA.bram18AspectRatios;
        int[] widest = ratios.get(ratios.size() - 1);
        int[] secondWidest = ratios.get(ratios.size() - 2);
        for (int[] r : ratios) {
            if (r == widest)
                break;
            // FINN keeps the 1024 × 18 shape for anything deeper than 512 words, however wide.
            if (width <= r[1] || (r == secondWidest && depth > widest[0]))
                return ceilDiv(depth, r[0]) * ceilDiv(width, r[1]);
        }
        return ceilDiv(depth, widest[0]) * ceilDiv(width, widest[1]);
    }

    /** MVAU.uram_estimation: ⌈width/72⌉·⌈depth/4096⌉ UltraRAMs. */
    public static long uram(long depth, long width) {
        if (depth < 1 || width < 1)
            throw new IllegalArgumentException("memory %d × %d bits".formatted(depth, width));
        return ceilDiv(width, (long) quantity("uram_width").value()) * ceilDiv(depth, (long) quantity("uram_depth").value());
    }

    /** Where the block RAM rule comes from. */
    public static String bramBasis() {
        return DATA.bramBasis;
    }

    /** FINN's recommended fraction of each resource a design may use and still close timing. */
    public static ResourceLimits defaultLimits() {
        return DATA.limits;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Data parse(String file, JsonNode root) {
        Map<String, Quantity> q = Quantity.parseAll(file, root, "quantities", "top level");
        for (String name : new String[] {"mvau_lut_c0", "mvau_lut_c1", "lut_inputs", "hls_dsp_product_bits",
                "rtl_dsp58_products", "rtl_dsp48_products", "uram_depth", "uram_width"})
            Quantity.require(q, name, file, "quantities");
        JsonNode rows = Yaml.list(file, root, "bram18_aspect_ratios", "top level");
        List<int[]> ratios = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = "bram18_aspect_ratios[" + i + "]";
            int[] r = {Yaml.integer(file, rows.get(i), "depth", at), Yaml.integer(file, rows.get(i), "width", at)};
            if (!ratios.isEmpty() && (r[1] <= ratios.get(ratios.size() - 1)[1] || r[0] >= ratios.get(ratios.size() - 1)[0]))
                throw new IllegalStateException("%s: %s: aspect ratios must get wider and shallower".formatted(file, at));
            ratios.add(r);
        }
        if (ratios.size() < 2)
            throw new IllegalStateException(file + ": bram18_aspect_ratios: need at least two");
        String bramBasis = Yaml.text(file, root, "bram18_aspect_ratios_source", "top level");
        JsonNode lim = root.path("resource_limits");
        String where = "resource_limits";
        ResourceLimits limits;
        try {
            limits = new ResourceLimits(Yaml.number(file, lim, "lut", where), Yaml.number(file, lim, "ff", where),
                    Yaml.number(file, lim, "dsp", where), Yaml.number(file, lim, "bram", where),
                    Yaml.number(file, lim, "uram", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
        }
        Yaml.text(file, root, "resource_limits_source", "top level");
        return new Data(q, List.copyOf(ratios), bramBasis, limits);
    }
}
