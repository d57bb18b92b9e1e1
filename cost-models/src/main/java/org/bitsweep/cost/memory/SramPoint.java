package org.bitsweep.cost.memory;

/**
 * One CACTI run of one cell type's grid ({@link SramCells}): an SRAM of {@code capacityBytes} read and written
 * {@code widthBits} at a time, split into {@code banks} banks, one read-write port.
 *
 * @param readPj                  CACTI's "Dynamic read energy" of one access
 * @param writePj                 CACTI's "Dynamic write energy" of one access
 * @param standbyLeakagePerBankMw CACTI's "Standby leakage per bank" (subthreshold plus gate leakage)
 * @param areaUm2                 CACTI's "Area", all banks and their H-tree
 */
public record SramPoint(long capacityBytes, int widthBits, int banks, double readPj, double writePj,
                        double standbyLeakagePerBankMw, double areaUm2) {
    public SramPoint {
        if (capacityBytes < 1 || widthBits < 1 || banks < 1)
            throw new IllegalArgumentException("SRAM of %d bytes, %d bits wide, %d banks".formatted(capacityBytes,
                    widthBits, banks));
        for (double v : new double[] {readPj, writePj, standbyLeakagePerBankMw, areaUm2})
            if (!(v > 0) || !Double.isFinite(v))
                throw new IllegalArgumentException("every price must be finite and > 0: " + this);
    }

    /** Leakage of all banks: CACTI reports one bank's, and hwcomponents-cacti multiplies it by the bank count. */
    public double leakageMw() {
        return standbyLeakagePerBankMw * banks;
    }
}
