package org.bitsweep.cost.fpga;

/**
 * The fraction of each resource of a device an accelerator may use, each in (0, 1]. FINN's defaults
 * ({@link FinnModel#defaultLimits()}) are the vendor's advice for closing timing: 70 % of LUTs, 50 % of flip-flops,
 * 80 % of DSPs, block RAM and UltraRAM.
 */
public record ResourceLimits(double lut, double ff, double dsp, double bram, double uram) {
    public ResourceLimits {
        for (double v : new double[] {lut, ff, dsp, bram, uram})
            if (!(v > 0 && v <= 1))
                throw new IllegalArgumentException("utilization must be in (0, 1], got %s".formatted(v));
    }

    /** The same fraction of every resource. */
    public static ResourceLimits uniform(double fraction) {
        return new ResourceLimits(fraction, fraction, fraction, fraction, fraction);
    }

    public double of(Resource r) {
        return switch (r) {
            case LUT -> lut;
            case FF -> ff;
            case DSP -> dsp;
            case BRAM -> bram;
            case URAM -> uram;
        };
    }

    /** What a design may use of {@code capacity}: each count times its fraction, rounded down to whole parts. */
    public FpgaResources budget(FpgaResources capacity) {
        return new FpgaResources(Math.floor(capacity.luts() * lut), Math.floor(capacity.ffs() * ff),
                Math.floor(capacity.dsps() * dsp), Math.floor(capacity.bram18() * bram),
                Math.floor(capacity.uram() * uram));
    }
}
