package org.bitsweep.workloads.format;

import java.util.List;
import java.util.Objects;

import org.bitsweep.workloads.Checks;

/**
 * A microscaling block format: blocks of {@code blockSize} elements share one 8-bit scale, and each element x/X is
 * rounded to the element format, saturating at its largest normal. As a {@link NumberFormat} it stands for its
 * element codes; the quantizer adds the shared scale. Two ways of choosing the scale exist ({@link BlockScale}):
 * OCP MX v1.0's E8M0 power of two X = 2^(⌊log2 max|x|⌋ − emaxElement), clamped to 2^−127 … 2^127, and NVFP4's FP8
 * E4M3 block scale times one FP32 scale per tensor.
 *
 * @param emaxElement the exponent of the element format's largest normal binade (8 for E4M3, 2 for E2M1, 0 for
 *                    INT8 read as k/64), from the spec's table of element formats
 * @param clampElement the largest magnitude an element may take: the element's max normal, except INT8 where the
 *                     reference implementation clamps to 127/64 so that −2.0 is never produced
 */
public record MxFormat(String name, NumberFormat element, int emaxElement, int blockSize, double clampElement,
                       BlockScale blockScale) implements NumberFormat {
    /** Both kinds of block scale take 8 bits (NVFP4's FP32 tensor scale is per tensor, counted as zero per element). */
    public static final int SCALE_BITS = 8;
    public static final int MIN_SCALE_EXPONENT = -127;
    public static final int MAX_SCALE_EXPONENT = 127;

    public MxFormat {
        Checks.nonBlank("format name", name);
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(blockScale, "blockScale");
        Checks.inRange("block size", blockSize, 1, 1 << 16);
    }

    /** An OCP MX v1.0 format, with E8M0 power-of-two block scales. */
    public MxFormat(String name, NumberFormat element, int emaxElement, int blockSize, double clampElement) {
        this(name, element, emaxElement, blockSize, clampElement, BlockScale.E8M0);
    }

    /** How a block's shared scale is chosen and stored. */
    public enum BlockScale {
        /** OCP MX v1.0: a power of two 2^(⌊log2 max|x|⌋ − emax) stored as E8M0. */
        E8M0("e8m0"),
        /**
         * NVFP4: amax(block)/max(element) relative to a per-tensor FP32 scale amax(tensor)/(max(element)·448), stored
         * as FP8 E4M3 (NVIDIA Transformer Engine's NVFP4 reference quantizer, see docs/formats.md).
         */
        E4M3_TIMES_FP32_TENSOR("fp8-e4m3");

        private final String scaleFormatName;

        BlockScale(String scaleFormatName) {
            this.scaleFormatName = scaleFormatName;
        }

        /** The name of the format the block scales are stored in, as {@code Formats.parse} reads it. */
        public String scaleFormatName() {
            return scaleFormatName;
        }
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

    /** The format block scales are stored in: E8M0 for OCP MX, FP8 E4M3 for NVFP4. */
    public MinifloatFormat scaleFormat() {
        return (MinifloatFormat) Formats.parse(blockScale.scaleFormatName());
    }

    /**
     * The shared scale's exponent (OCP MX) for a block whose largest magnitude is {@code absmax}: ⌊log2 absmax⌋ − emax,
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
