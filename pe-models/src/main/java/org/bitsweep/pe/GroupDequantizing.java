package org.bitsweep.pe;

import org.bitsweep.cost.Inventory;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A PE that accumulates integer partial sums per group of weights and leaves scale and zero point to a
 * dequantization step once per group (BitMoD, MixPE). The dequantization unit is counted apart from
 * {@link PeModel#inventory}: it works once every {@link #groupSize()} MACs, so where it sits (one per PE, one per array
 * row, at the array's edge) is the array's choice. Its energy is in {@link PeModel#activityPerMac}, one
 * {@code 1/groupSize} share per MAC.
 */
public interface GroupDequantizing {
    /** Weights per group, over which one dequantization is spread. */
    int groupSize();

    /** The dequantization arithmetic, bit-exact. */
    GroupDequantizer dequantizer(OperandFormats f);

    /** One dequantization unit, counted, not priced. */
    Inventory dequantizerInventory(OperandFormats f);
}
