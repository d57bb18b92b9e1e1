package org.bitsweep.sim.memory;

import org.bitsweep.workloads.Checks;

/**
 * One on-chip SRAM buffer.
 *
 * @param bytes         capacity; the mapper keeps two tiles in it (double buffering: one in use, one filling)
 * @param banks         equal banks; each access touches one bank, so it is priced as an access to an SRAM of
 *                      {@code bytes / banks}
 * @param bytesPerCycle what the buffer can deliver to (or take from) the array each cycle; a narrower port than the
 *                      array asks for stretches the compute. {@link Double#POSITIVE_INFINITY}: as wide as needed
 */
public record Buffer(long bytes, int banks, double bytesPerCycle) {
    public Buffer {
        Checks.positive("buffer bytes", bytes);
        Checks.positive("buffer banks", banks);
        if (banks > bytes)
            throw new IllegalArgumentException("buffer banks (%d) must not exceed its bytes (%d)".formatted(banks, bytes));
        if (!(bytesPerCycle > 0))
            throw new IllegalArgumentException("buffer bytes per cycle must be > 0, got " + bytesPerCycle);
    }

    /** One bank, as wide as the array needs. */
    public static Buffer of(long bytes) {
        return new Buffer(bytes, 1, Double.POSITIVE_INFINITY);
    }

    public long bankBytes() {
        return bytes / banks;
    }
}
