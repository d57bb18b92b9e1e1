package org.bitsweep.sim;

/**
 * Energy by where it is spent, in pJ. Buffer writes, DRAM and leakage are not priced yet: the tables hold no
 * sourced figures for them.
 *
 * @param macPj            multipliers and accumulator adders
 * @param registerPj       accumulator and operand-forwarding registers of the PEs
 * @param weightSramPj     reads of the weight buffer
 * @param activationSramPj reads of the activation buffer
 */
public record EnergyBreakdown(double macPj, double registerPj, double weightSramPj, double activationSramPj) {
    public static final EnergyBreakdown ZERO = new EnergyBreakdown(0, 0, 0, 0);

    public double totalPj() {
        return macPj + registerPj + weightSramPj + activationSramPj;
    }

    public EnergyBreakdown times(double factor) {
        return new EnergyBreakdown(macPj * factor, registerPj * factor, weightSramPj * factor, activationSramPj * factor);
    }

    public EnergyBreakdown plus(EnergyBreakdown o) {
        return new EnergyBreakdown(macPj + o.macPj, registerPj + o.registerPj, weightSramPj + o.weightSramPj,
                activationSramPj + o.activationSramPj);
    }
}
