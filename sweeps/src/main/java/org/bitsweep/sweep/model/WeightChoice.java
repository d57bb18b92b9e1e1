package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;

/**
 * A weight format as a per-layer setting writes it, {@code FORMAT[:GRANULARITY]} ({@code int4}, {@code int4:group:32}):
 * without a granularity, the point's {@code quantization.granularity} applies, resolved for this format as for the
 * point's own weights ({@link GranularityChoice#resolve}).
 *
 * @param written the text as given, which names the choice in results
 */
public record WeightChoice(String written, NumberFormat format, GranularityChoice granularity) {
    public WeightChoice {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(granularity, "granularity");
    }

    /** @throws UserInputException for an unknown format or granularity, or an unsigned integer format */
    public static WeightChoice parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        NumberFormat f = Formats.parse(colon < 0 ? t : t.substring(0, colon));
        if (f instanceof IntFormat i && !i.signed())
            throw new UserInputException("%s is unsigned but weights are signed; use int%d".formatted(i.name(),
                    i.bits()));
        GranularityChoice g = colon < 0 ? GranularityChoice.AUTO
                : new GranularityChoice(Granularity.parse(t.substring(colon + 1)));
        return new WeightChoice(t, f, g);
    }

    /** The layer's weights: this choice's granularity, else the point's, resolved for this format. */
    public WeightQuantization resolve(GranularityChoice point) {
        return new WeightQuantization(format, (granularity.isAuto() ? point : granularity).resolve(format));
    }

    @Override
    public String toString() {
        return written;
    }
}
