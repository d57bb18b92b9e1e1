package org.bitsweep.cost.fpga;

/**
 * One part of a MAC unit, priced: its LUTs (before FINN's factor c1, which {@link MacUnitCost} applies to the sum)
 * and DSPs for the whole unit (all lanes), with the formula and its provenance from {@code fpga/mac-parts.yaml}.
 */
public record MacPart(String id, double luts, double dsps, MacParts.Entry entry) {
    public MacPart {
        if (!(luts >= 0) || !(dsps >= 0))
            throw new IllegalArgumentException("part %s: %s LUTs, %s DSPs".formatted(id, luts, dsps));
        if (!entry.id().equals(id))
            throw new IllegalArgumentException("part %s priced under entry %s".formatted(id, entry.id()));
    }

    static MacPart of(String id, double luts, double dsps) {
        return new MacPart(id, luts, dsps, MacParts.part(id));
    }

    static MacPart luts(String id, double luts) {
        return of(id, luts, 0);
    }
}
