package org.bitsweep.cost;

/**
 * Asked for a price the data files do not reach: an unknown technology id, a node without tables, an SRAM shape
 * outside the table. cost-models depends on nothing of ours, so it cannot raise a user's mistake itself; the layers
 * above check what a user gives before asking (a knob lists the valid ids), and turn this into a user error or a
 * design point that cannot run, keeping its message, which says what is valid.
 */
public class NotPricedException extends IllegalArgumentException {
    public NotPricedException(String message) {
        super(message);
    }
}
