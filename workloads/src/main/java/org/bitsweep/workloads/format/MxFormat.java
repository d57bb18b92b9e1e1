package org.bitsweep.workloads.format;

import java.util.List;
import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * An OCP Microscaling (MX v1.0) block format: blocks of {@code blockSize} elements share one E8M0 power-of-two
 * scale X = 2^(⌊log2 max|x|⌋ − emaxElement), clamped to 2^−127 … 2^127, and each element x/X is rounded to the
 * element format, saturating at its largest normal. As a {@link NumberFormat} it stands for its element codes;
 * the quantizer adds the shared scale.
 *
 * @param emaxElement the exponent of the element format's largest normal binade (8 for E4M3, 2 for E2M1, 0 for
 *                    INT8 read as k/64), from the spec's table of element formats
 * @param clampElement the largest magnitude an element may take: the element's max normal, except INT8 where the
 *                     reference implementation clamps to 127/64 so that −2.0 is never produced
 */
public record MxFormat(String name, NumberFormat element, int emaxElement, int blockSize, double clampElement)
        implements NumberFormat {
    public static final int SCALE_BITS = 8;
    public static final int MIN_SCALE_EXPONENT = -127;
    public static final int MAX_SCALE_EXPONENT = 127;

    public MxFormat {
        Checks.nonBlank("format name", name);
        Objects.requireNonNull(element, "element");
        Checks.inRange("block size", blockSize, 1, 1 << 16);
    }

    @Override
    public int bits() {
        return element.bits();
    }

    @Override
    public double decode(int code) {
        return element.decode(code);
    }

    @Override
    public int encode(double value) {
        return element.encode(Math.max(-clampElement, Math.min(clampElement, value)));
    }

    @Override
    public double maxValue() {
        return clampElement;
    }

    @Override
    public double minValue() {
        return -clampElement;
    }

    @Override
    public double minPositiveNormal() {
        return element.minPositiveNormal();
    }

    @Override
    public java.util.OptionalDouble minPositiveSubnormal() {
        return element.minPositiveSubnormal();
    }

    @Override
    public double[] values() {
        return java.util.Arrays.stream(element.values()).filter(v -> Math.abs(v) <= clampElement).toArray();
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }

    /**
     * The shared scale's exponent for a block whose largest magnitude is {@code absmax}: ⌊log2 absmax⌋ − emax,
     * where an all-zero block uses the FP32 minimum normal 2^−126 so that the log stays finite, as the reference
     * implementation does. Returns {@link Integer#MAX_VALUE} for a block whose scale would be NaN (exponent > 127).
     */
    public int sharedExponent(double absmax) {
        double a = absmax == 0 ? Math.scalb(1.0, -126) : absmax;
        int e = Math.getExponent(a) - emaxElement;
        if (e > MAX_SCALE_EXPONENT)
            return Integer.MAX_VALUE;
        return Math.max(MIN_SCALE_EXPONENT, e);
    }
}
