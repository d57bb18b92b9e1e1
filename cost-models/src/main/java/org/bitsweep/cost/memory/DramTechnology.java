package org.bitsweep.cost.memory;

/**
 * One off-chip DRAM technology as {@code memory/dram-technologies.yaml} prices it: energy per bit moved (read or
 * write alike, the same at every logic node) and its bandwidth.
 *
 * @param id          the name used in sweep files, e.g. "hbm2"
 * @param name        a readable name, e.g. "HBM2"
 * @param pjPerBit    energy per bit moved between the DRAM and the accelerator
 * @param energyScope what {@code pjPerBit} covers (device, I/O, controller), which differs between sources
 * @param energyBasis the {@code source:} or {@code estimate:} text of {@code pjPerBit}
 * @param energyEstimate true where {@code pjPerBit} is derived rather than read
 */
public record DramTechnology(String id, String name, double pjPerBit, String energyScope, String energyBasis,
                             boolean energyEstimate, DramBandwidth bandwidth) {
    public DramTechnology {
        if (id == null || id.isBlank())
            throw new IllegalArgumentException("a DRAM technology needs an id");
        if (!(pjPerBit > 0) || !Double.isFinite(pjPerBit))
            throw new IllegalArgumentException("%s: pJ per bit must be finite and > 0, got %s".formatted(id, pjPerBit));
        if (bandwidth == null)
            throw new IllegalArgumentException(id + ": needs a bandwidth");
    }

    /** Energy to move {@code bits} bits. */
    public double energyPj(double bits) {
        return bits * pjPerBit;
    }

    /** Peak GB/s of the default configuration ({@link DramBandwidth#configuration()}). */
    public double defaultGbps() {
        return bandwidth.defaultGbps();
    }

    /** One line naming where the energy and the bandwidth came from, for reports. */
    public String basis() {
        return "%s: %s pJ/bit (%s: %s); %s GB/s = %d %s x %s GB/s, %s (%s: %s)".formatted(id, pjPerBit,
                energyEstimate ? "estimate" : "source", energyBasis, bandwidth.defaultGbps(), bandwidth.defaultUnits(),
                bandwidth.unit(), bandwidth.gbpsPerUnit(), bandwidth.configuration(),
                bandwidth.estimate() ? "estimate" : "source", bandwidth.basis());
    }
}
