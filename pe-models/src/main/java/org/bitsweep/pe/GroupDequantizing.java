package org.bitsweep.pe;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A PE that accumulates an integer partial sum per group of weights and leaves the weight scale and zero point to a
 * dequantization step once per group (BitMoD, MixPE, and int-mac over grouped integer weights). One dequantization
 * ({@link #dequantization}) is work the group's MACs share: {@link PeModel#activityPerMac} adds
 * {@link #dequantizationsPerMac} of it to every MAC, 1/g for a layer whose weights share a scale per g weights along k
 * and 1/k for one scale per output channel ({@link LayerTrace#macsPerScale}), so a layer in groups of 32 pays four
 * times the dequantization energy per MAC of one in groups of 128. The unit itself is counted apart from
 * {@link PeModel#inventory}; {@link #dequantizerPlacement} says how many an array builds.
 */
public interface GroupDequantizing {
    /**
     * MACs per dequantization where no layer says (a PE described on its own, without {@code --group-size}): BitMoD's
     * w4g128 and w3g128, also GPTQ's and AWQ's usual group (ANCHORS.md §3a). A convention, not a physical constant.
     */
    int DEFAULT_GROUP_SIZE = 128;

    /** Significand bits of an fp16 scale (10 stored, 1 hidden): the width of an exact multiply by the scale. */
    int SCALE_SIGNIFICAND_BITS = FloatFormat.FP16.mantissaBits() + 1;

    /** The dequantization arithmetic, bit-exact. */
    GroupDequantizer dequantizer(OperandFormats f);

    /** What one dequantization toggles, part by part: the work of one group, before it is spread over the MACs. */
    Activity dequantization(OperandFormats f);

    /**
     * What one dequantization toggles in layer {@code t}; the same as {@link #dequantization(OperandFormats)} unless
     * the work depends on how the layer's scales are laid out (a PE that rescales each output once needs no add into
     * a real-valued output).
     */
    default Activity dequantization(OperandFormats f, LayerTrace t) {
        return dequantization(f);
    }

    /** One dequantization unit, counted, not priced: one of each part its {@link #dequantization} uses. */
    default Inventory dequantizerInventory(OperandFormats f) {
        return Inventory.of(dequantization(f).counts().keySet().toArray(Part[]::new));
    }

    /** One dequantization unit as layer {@code t} needs it: one of each part its dequantization there uses. */
    default Inventory dequantizerInventory(OperandFormats f, LayerTrace t) {
        return Inventory.of(dequantization(f, t).counts().keySet().toArray(Part[]::new));
    }

    /**
     * Dequantizations per MAC in layer {@code t}: 1 / {@link #macsPerDequantization}. A PE may say otherwise where
     * there is no layer (int-mac counts none then: the bare MAC).
     */
    default double dequantizationsPerMac(LayerTrace t) {
        return 1.0 / macsPerDequantization(t);
    }

    /**
     * Where the units sit in an R×C array for layer {@code t} ({@code null}: no layer), with the reason and its
     * source in each implementation's Javadoc. An array that runs several layers builds the
     * {@link DequantizerPlacement#larger} of theirs.
     */
    DequantizerPlacement dequantizerPlacement(LayerTrace t);

    /** Dequantization units an array of {@code rows} × {@code cols} of these PEs builds to run layer {@code t}. */
    default long dequantizers(int rows, int cols, LayerTrace t) {
        return dequantizerPlacement(t).units(rows, cols);
    }

    /**
     * MACs over which one dequantization is spread in layer {@code t}: its weight group size, or its whole reduction
     * k when one scale serves an output channel ({@link LayerTrace#macsPerScale}); {@link #DEFAULT_GROUP_SIZE} for a
     * trace that names no layer ({@code null}, as {@link PeDescription} passes without a group size).
     */
    static long macsPerDequantization(LayerTrace t) {
        return t == null || t.layer() == null ? DEFAULT_GROUP_SIZE : t.macsPerScale();
    }

    /** Whether layer {@code t}'s weights are in groups along k, several scales to an output; false without a layer. */
    static boolean grouped(LayerTrace t) {
        return t != null && t.layer() != null && t.weightGroupSize() > 0
                && t.weightGroupSize() < t.layer().shape().k();
    }

    /** Adds {@code share} of one dequantization to a MAC's activity. */
    static void addShare(Activity.Builder mac, Activity dequantization, double share) {
        if (share == 0)
            return;
        dequantization.counts().forEach((p, n) -> mac.add(p, n * share));
    }
}
