package org.bitsweep.sim.mapping;

import org.bitsweep.sim.array.GemmDim;

/**
 * The nesting of the tile loops, outermost first, e.g. {@code n>m>k}: for each n-tile, for each m-tile, for each
 * k-tile. An operand is re-fetched from DRAM for every iteration of a loop it does not depend on that sits outside
 * its innermost loop; one it does not depend on inside that stays in its buffer.
 */
public record LoopOrder(GemmDim outer, GemmDim middle, GemmDim inner) {
    public LoopOrder {
        if (outer == middle || middle == inner || outer == inner)
            throw new IllegalArgumentException("a loop order names each of m, n, k once: " + outer + middle + inner);
    }

    @Override
    public String toString() {
        return outer.id() + ">" + middle.id() + ">" + inner.id();
    }
}
