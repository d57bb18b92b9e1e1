package org.bitsweep.pe;

import java.util.Optional;

import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.OperandFormats;

/** Shared wording and checks for what PEs run. */
public final class Support {
    /** Activations an exact fixed-point datapath takes (see {@link FixedPoint}). */
    public static final String EXACT_ACTIVATIONS = "int2..int16, uint2..uint16, or a minifloat whose values fit a "
            + "52-bit fixed point (fp16, fp8-e4m3, fp8-e5m2, fp6, fp4; not bf16)";

    private Support() {
    }

    /** The message every PE gives for a pair it cannot run: what is wrong, then what it runs. */
    public static String reason(String pe, OperandFormats f, String why, String supported) {
        return "%s cannot run %s: %s; it runs %s".formatted(pe, f, why, supported);
    }

    /** The exact fixed-point form of an activation format, for integer and minifloat formats that have one. */
    public static Optional<FixedPoint> exactActivation(NumberFormat f) {
        if (!(f instanceof IntFormat) && !(f instanceof MinifloatFormat))
            return Optional.empty();
        return FixedPoint.of(f);
    }
}
