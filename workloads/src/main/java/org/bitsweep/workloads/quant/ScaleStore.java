package org.bitsweep.workloads.quant;

import org.bitsweep.workloads.format.ExponentZero;
import org.bitsweep.workloads.format.MinifloatFormat;

/**
 * Rounds scales to the format they are stored in, so that dequantization uses the scale the hardware sees. A scale
 * too small for the format becomes its smallest positive value rather than zero, and one too large its largest.
 */
final class ScaleStore {
    private final MinifloatFormat format;
    private final double smallest;
    private final double minNormal;
    private final double maxValue;
    private final int lowestExponent;
    private final int mantissaBits;
    private final boolean subnormals;

    ScaleStore(MinifloatFormat format) {
        this.format = format;
        this.smallest = format.minPositiveSubnormal().orElse(format.minPositiveNormal());
        this.minNormal = format.minPositiveNormal();
        this.maxValue = format.maxValue();
        this.lowestExponent = Math.getExponent(minNormal);
        this.mantissaBits = format.mantissaBits();
        this.subnormals = format.exponentZero() == ExponentZero.SUBNORMAL;
    }

    double store(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale))
            return 1;
        double stored = nearest(scale);
        return stored > 0 ? stored : smallest;
    }

    /**
     * {@code format.decode(format.encode(v))} for a finite v > 0, without the code: once per group, so it must be
     * cheap. The format's grid in the binade 2^e of v (floored at the lowest normal one, where subnormals continue it)
     * has quantum 2^(e − M); rint rounds v to it half to even, which for M >= 1 is to the even code; above the largest
     * value the cast saturates. Formats without subnormals below their lowest binade, and those without mantissa
     * bits (whose ties go to the even exponent), take the format's own encode. {@code ScaleStoreTest} checks this
     * against encode and decode on ties and random values.
     */
    double nearest(double v) {
        if (mantissaBits < 1 || v < minNormal && !subnormals)
            return format.decode(format.encode(v));
        int e = Math.max(Math.getExponent(v), lowestExponent);
        double rounded = Math.scalb(Math.rint(Math.scalb(v, mantissaBits - e)), e - mantissaBits);
        return rounded > maxValue ? maxValue : rounded;
    }

    int bits() {
        return format.bits();
    }
}
