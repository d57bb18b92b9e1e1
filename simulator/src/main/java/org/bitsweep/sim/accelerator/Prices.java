package org.bitsweep.sim.accelerator;

import org.bitsweep.sim.price.CachedCosts;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Inventory;
import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;

/**
 * What one bit or one cycle costs on an accelerator, priced once per run. SRAM is priced per bit (the tables price
 * a 64-bit access and scale linearly with width) at the capacity of one bank.
 */
public final class Prices {
    private final double[] readPjPerBit = new double[3];
    private final double[] writePjPerBit = new double[3];
    private final double dramPjPerBit;
    private final double leakagePjPerCycle;

    /** @param pe the inventory of one PE, which leaks */
    public Prices(Accelerator acc, Inventory pe) {
        AsicCostModel cost = acc.cost();
        for (Operand o : Operand.values()) {
            Buffer b = acc.buffers().of(o);
            readPjPerBit[o.ordinal()] = CachedCosts.sramPjPerBit(cost, b.bankBytes(), false);
            writePjPerBit[o.ordinal()] = CachedCosts.sramPjPerBit(cost, b.bankBytes(), true);
        }
        dramPjPerBit = acc.dram().pjPerBit();
        // µW over one cycle of f MHz (1/f µs) is µW / f pJ.
        leakagePjPerCycle = acc.array().pes() * CachedCosts.leakageUw(cost, pe) / acc.clockMhz();
    }

    /** SRAM read energy per bit of an operand's buffer. */
    public double read(Operand o) {
        return readPjPerBit[o.ordinal()];
    }

    /** SRAM write energy per bit of an operand's buffer. */
    public double write(Operand o) {
        return writePjPerBit[o.ordinal()];
    }

    public double dramPjPerBit() {
        return dramPjPerBit;
    }

    /** Leakage of the whole PE array in one clock cycle. */
    public double leakagePjPerCycle() {
        return leakagePjPerCycle;
    }
}
