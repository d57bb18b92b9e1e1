package org.bitsweep.workloads.quant;

import java.util.Objects;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.CastOverflow;
import org.bitsweep.workloads.format.FixedPointFormat;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;

/**
 * Everything a quantizer needs besides the tensor.
 *
 * @param asymmetric  a zero point per group (integer formats only): the range [min, max] maps onto 0 … 2^b − 1
 * @param seed        seeds stochastic rounding; the same seed gives the same codes
 * @param scaleFormat the format scales are stored in; each scale is rounded to it and costs its bits
 * @param overflow    what a cast ({@link Granularity#NONE}) does beyond the format's range
 */
public record QuantConfig(NumberFormat format, Granularity granularity, boolean asymmetric, Calibration calibration,
                          Rounding rounding, long seed, MinifloatFormat scaleFormat, CastOverflow overflow) {
    /** Scales in FP16, as GPTQ and AWQ store them. */
    public static final MinifloatFormat DEFAULT_SCALE_FORMAT = (MinifloatFormat) Formats.parse("fp16");

    public QuantConfig {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(scaleFormat, "scaleFormat");
        Objects.requireNonNull(overflow, "overflow");
        if (asymmetric && !(format instanceof IntFormat))
            throw new UserInputException("asymmetric quantization needs an integer format, got " + format.name());
        if (format instanceof MxFormat mx && !(granularity instanceof Granularity.PerGroup g && g.size() == mx.blockSize()))
            throw new UserInputException("%s shares one scale per block of %d; use granularity group:%d, not %s"
                    .formatted(mx.name(), mx.blockSize(), mx.blockSize(), granularity));
        if (granularity instanceof Granularity.None && !(format instanceof MinifloatFormat || format instanceof IntFormat
                || format instanceof FixedPointFormat))
            throw new UserInputException("granularity none casts values to a plain format; %s needs a scale"
                    .formatted(format.name()));
        String unsupported = unsupportedSetting(format, granularity, calibration, rounding, scaleFormat);
        if (!unsupported.isEmpty())
            throw new UserInputException(unsupported);
    }

    /**
     * A setting the quantizer of this format would otherwise ignore, in words; empty when every setting applies.
     * Formats that choose their own scales (MX, NVFP4, OliVe's clipping search) take no calibration or rounding
     * other than their own, block formats store scales only in their own format, and a cast has no scale at all.
     */
    private static String unsupportedSetting(NumberFormat format, Granularity granularity, Calibration calibration,
                                             Rounding rounding, MinifloatFormat scaleFormat) {
        String what;
        if (granularity instanceof Granularity.None)
            what = "a cast (granularity none) has no scale";
        else if (format instanceof MxFormat mx)
            what = "%s chooses each block's scale from its largest magnitude (%s)".formatted(format.name(),
                    mx.blockScale() == MxFormat.BlockScale.E8M0 ? "OCP MX v1.0" : "NVFP4");
        else if (format instanceof OliveFormat)
            what = format.name() + " searches its own clipping around |mean ± 3σ| (OliVe)";
        else
            return "";
        if (!(calibration instanceof Calibration.MinMax))
            return "%s, so calibration %s does not apply; use minmax".formatted(what, calibration);
        if (rounding != Rounding.NEAREST_EVEN)
            return "%s and rounds to nearest, so rounding %s does not apply; use nearest".formatted(what,
                    rounding.toString().toLowerCase(java.util.Locale.ROOT));
        if (scaleFormat.equals(DEFAULT_SCALE_FORMAT))
            return "";
        if (granularity instanceof Granularity.None)
            return "%s, so a scale format (%s) does not apply".formatted(what, scaleFormat.name());
        if (format instanceof MxFormat mx && !scaleFormat.equals(mx.scaleFormat()))
            return "%s stores its block scales in %s, not %s; valid scale format for %s: %s".formatted(format.name(),
                    mx.scaleFormat().name(), scaleFormat.name(), format.name(), mx.scaleFormat().name());
        return "";
    }

    /** Symmetric, min-max, round to nearest even, FP16 scales, saturating casts. */
    public static QuantConfig of(NumberFormat format, Granularity granularity) {
        return new QuantConfig(format, granularity, false, Calibration.MIN_MAX, Rounding.NEAREST_EVEN, 0,
                DEFAULT_SCALE_FORMAT, CastOverflow.SATURATE);
    }

    public QuantConfig withCalibration(Calibration c) {
        return new QuantConfig(format, granularity, asymmetric, c, rounding, seed, scaleFormat, overflow);
    }

    public QuantConfig withRounding(Rounding r, long newSeed) {
        return new QuantConfig(format, granularity, asymmetric, calibration, r, newSeed, scaleFormat, overflow);
    }

    public QuantConfig withAsymmetric(boolean a) {
        return new QuantConfig(format, granularity, a, calibration, rounding, seed, scaleFormat, overflow);
    }

    public QuantConfig withScaleFormat(MinifloatFormat f) {
        return new QuantConfig(format, granularity, asymmetric, calibration, rounding, seed, f, overflow);
    }

    public QuantConfig withOverflow(CastOverflow o) {
        return new QuantConfig(format, granularity, asymmetric, calibration, rounding, seed, scaleFormat, o);
    }
}
