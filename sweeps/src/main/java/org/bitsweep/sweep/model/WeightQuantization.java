package org.bitsweep.sweep.model;

import java.util.Objects;

import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;

/** One layer's weights: a format and its scaling granularity, resolved. */
public record WeightQuantization(NumberFormat format, Granularity granularity) {
    public WeightQuantization {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(granularity, "granularity");
    }

    /**
     * The quantizer configuration.
     *
     * @throws org.bitsweep.workloads.UserInputException when the format does not take the granularity (a block format
     *                                                   off its block)
     */
    public QuantConfig config() {
        return QuantConfig.of(format, granularity);
    }

    @Override
    public String toString() {
        return format.name() + ":" + granularity;
    }
}
