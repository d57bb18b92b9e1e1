package org.bitsweep.pe.fpga;

import java.util.Locale;
import java.util.Objects;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.ExponentZero;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.Specials;

/**
 * How an FPGA MAC unit accumulates: exactly, in a fixed-point register as wide as the minifloats-on-FPGA study's
 * rule asks for the longest dot product; in a narrower fixed-point register that wraps or saturates; or in a
 * floating-point register rounded to nearest even after every addition. Written in sweep files as {@code exact},
 * {@code fixed:BITS[:wrap|saturate]} or {@code float:FORMAT} (fp32, fp16, bf16 or an IEEE-style eXmY).
 */
public sealed interface FpgaAccumulator {
    String USAGE = "exact, fixed:BITS[:wrap|saturate] (BITS 2..64) or float:FORMAT (fp32, fp16, bf16 or eXmY with "
            + "2 <= X <= 11 and 1 <= Y <= 52)";

    /** The name used in sweep files and results. */
    String id();

    /** Wide enough never to overflow or round: the study's rule for the dot products' length. */
    record Exact() implements FpgaAccumulator {
        @Override
        public String id() {
            return "exact";
        }
    }

    /** A {@code bits}-bit two's complement register; its lowest bit is the exact accumulator's. */
    record Fixed(int bits, Overflow overflow) implements FpgaAccumulator {
        public Fixed {
            if (bits < 2 || bits > 64)
                throw new IllegalArgumentException("fixed accumulator bits must be in [2, 64], got " + bits);
            Objects.requireNonNull(overflow, "overflow");
        }

        @Override
        public String id() {
            return "fixed:" + bits + ":" + overflow.id();
        }
    }

    /** An IEEE-style float register (subnormals, ±∞, NaN), acc ← round(acc + a·w) with one rounding. */
    record Floating(FloatFormat format) implements FpgaAccumulator {
        public Floating {
            Objects.requireNonNull(format, "format");
        }

        @Override
        public String id() {
            return "float:" + format.name();
        }
    }

    /** @throws UserInputException saying what is wrong and what is valid */
    static FpgaAccumulator parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        try {
            switch (parts[0]) {
                case "exact":
                    if (parts.length == 1)
                        return new Exact();
                    break;
                case "fixed":
                    if (parts.length == 2 || parts.length == 3) {
                        Overflow o = parts.length == 2 ? Overflow.WRAP : overflow(parts[2]);
                        return new Fixed(Integer.parseInt(parts[1]), o);
                    }
                    break;
                case "float":
                    if (parts.length == 2)
                        return new Floating(floatFormat(parts[1]));
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException("accumulator \"%s\": %s; valid: %s".formatted(text, e.getMessage(), USAGE), e);
        }
        throw new UserInputException("accumulator \"%s\" is not one of: %s".formatted(text, USAGE));
    }

    private static Overflow overflow(String id) {
        for (Overflow o : Overflow.values())
            if (o.id().equals(id))
                return o;
        throw new IllegalArgumentException("overflow \"%s\"; valid: %s".formatted(id, Overflow.validIds()));
    }

    /** fp32, fp16 and bf16 by name; otherwise an IEEE-style eXmY. */
    private static FloatFormat floatFormat(String name) {
        for (FloatFormat f : new FloatFormat[] {FloatFormat.FP32, FloatFormat.FP16, FloatFormat.BF16})
            if (f.name().equals(name))
                return f;
        NumberFormat parsed;
        try {
            parsed = Formats.parse(name);
        } catch (UserInputException e) {
            throw new IllegalArgumentException("unknown float format " + name);
        }
        if (!(parsed instanceof MinifloatFormat m) || m.specials() != Specials.IEEE || !m.signed()
                || m.exponentZero() != ExponentZero.SUBNORMAL)
            throw new IllegalArgumentException(name + " is not an IEEE-style eXmY (no fn, fnuz or fin suffix, no -nosub)");
        return new FloatFormat(name, m.exponentBits(), m.mantissaBits());
    }
}
