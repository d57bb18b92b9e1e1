package org.bitsweep.sim.accelerator;

import org.bitsweep.workloads.UserInputException;

/**
 * A design point that cannot run as configured: a PE refuses a layer's formats, no tile fits the buffers. On its own
 * ({@code simulate}) it is a user's mistake, exit 2; in a sweep it is a row with {@code feasible = false}, whose
 * reason starts with the category.
 */
public class Infeasible extends UserInputException {
    /** PE refuses a layer's operand formats. */
    public static final String FORMAT_REFUSED = "format refused";
    /** Not even one fold fits the buffers. */
    public static final String NO_TILE_FITS = "no tile fits";
    /** Not even the smallest array of the asked shape fits the area budget. */
    public static final String AREA_BUDGET = "area budget";

    private final String category;

    public Infeasible(String category, String message) {
        super(message);
        this.category = category;
    }

    /** A few words that group refusals in a sweep's summary. */
    public String category() {
        return category;
    }
}
