package org.bitsweep.cost.fpga;

/**
 * An amount of FPGA resources: LUTs, flip-flops, DSP slices, 18 Kb block RAM halves and 288 Kb UltraRAMs. Counts
 * are real numbers because a MAC's share of a shared part (a quarter of a DSP that packs four products) is
 * fractional; a whole design rounds its totals up ({@link #ceil()}).
 */
public record FpgaResources(double luts, double ffs, double dsps, double bram18, double uram) {
    public static final FpgaResources ZERO = new FpgaResources(0, 0, 0, 0, 0);

    public FpgaResources {
        for (double v : new double[] {luts, ffs, dsps, bram18, uram})
            if (!(v >= 0) || Double.isInfinite(v))
                throw new IllegalArgumentException("resources must be finite and >= 0: %s %s %s %s %s"
                        .formatted(luts, ffs, dsps, bram18, uram));
    }

    public FpgaResources plus(FpgaResources o) {
        return new FpgaResources(luts + o.luts, ffs + o.ffs, dsps + o.dsps, bram18 + o.bram18, uram + o.uram);
    }

    public FpgaResources times(double k) {
        return new FpgaResources(luts * k, ffs * k, dsps * k, bram18 * k, uram * k);
    }

    public FpgaResources ceil() {
        return new FpgaResources(Math.ceil(luts), Math.ceil(ffs), Math.ceil(dsps), Math.ceil(bram18),
                Math.ceil(uram));
    }

    /** 36 Kb block RAMs: the 18 Kb halves paired up. */
    public double bram36() {
        return Math.ceil(bram18) / 2;
    }

    public double get(Resource r) {
        return switch (r) {
            case LUT -> luts;
            case FF -> ffs;
            case DSP -> dsps;
            case BRAM -> bram18;
            case URAM -> uram;
        };
    }

    /** The first resource, in {@link Resource} order, of which this needs more than {@code budget} has; or null. */
    public Resource firstExceeding(FpgaResources budget) {
        for (Resource r : Resource.values())
            if (get(r) > budget.get(r))
                return r;
        return null;
    }

    @Override
    public String toString() {
        return "%.0f LUT, %.0f FF, %.1f DSP, %.1f BRAM18, %.1f URAM".formatted(luts, ffs, dsps, bram18, uram);
    }
}
