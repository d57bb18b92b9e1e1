package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * Rounds scales to the format they are stored in, so that dequantization uses the scale the hardware sees. A scale
 * too small for the format becomes its smallest positive value rather than zero, and one too large its largest.
 */
final class ScaleStore {
    private final MinifloatFormat format;
    private final double smallest;

    ScaleStore(MinifloatFormat format) {
        this.format = format;
        this.smallest = format.minPositiveSubnormal().orElse(format.minPositiveNormal());
    }

    double store(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            return 1;
        double stored = format.decode(format.encode(scale));
        return stored > 0 ? stored : smallest;
    }

    int bits() {
        return format.bits();
    }
}
