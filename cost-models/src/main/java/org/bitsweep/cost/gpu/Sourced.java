package org.bitsweep.cost.gpu;

import java.util.Objects;

import org.bitsweep.cost.Provenance;

/** One figure of a GPU's specification and where it came from (a datasheet table, or an estimate with its reasoning). */
public record Sourced(double value, Provenance provenance) {
    public Sourced {
        if (!(value > 0) || !Double.isFinite(value))
            throw new IllegalArgumentException("a GPU figure must be a finite number > 0, got " + value);
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean estimate() {
        return provenance.estimate();
    }
}
