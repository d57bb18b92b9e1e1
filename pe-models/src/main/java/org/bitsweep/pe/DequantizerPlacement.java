package org.bitsweep.pe;

/**
 * Where an array of PEs puts its dequantization units ({@link GroupDequantizing}), and so how many an R×C array
 * builds. Which one a PE uses, and why, is in its {@link GroupDequantizing#dequantizerPlacement} Javadoc and in
 * docs/pe-models.md.
 */
public enum DequantizerPlacement {
    /** One unit in every PE: each PE rescales its own group partial sums as they complete. */
    PER_PE,
    /**
     * One unit per array column, at the array's edge: each output is rescaled once, as it leaves the array, which is
     * all a layer with one scale per output channel needs.
     */
    PER_COLUMN;

    /** Dequantization units an array of {@code rows} × {@code cols} PEs builds. */
    public long units(int rows, int cols) {
        if (rows < 1 || cols < 1)
            throw new IllegalArgumentException("an array needs at least 1×1 PEs, got %d×%d".formatted(rows, cols));
        return switch (this) {
            case PER_PE -> Math.multiplyExact((long) rows, cols);
            case PER_COLUMN -> cols;
        };
    }

    /** The one of the two that builds more units: what an array that runs layers needing either must build. */
    public static DequantizerPlacement larger(DequantizerPlacement a, DequantizerPlacement b) {
        return a == PER_PE || b == PER_PE ? PER_PE : PER_COLUMN;
    }
}
