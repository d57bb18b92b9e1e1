package org.bitsweep.sim.accelerator;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.NotPricedException;
import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.SramPricing;
import org.bitsweep.sim.price.CachedCosts;

/**
 * What one bit or one cycle costs on an accelerator, priced once per run: each buffer's read and write per bit (by
 * the accelerator's SRAM pricing), DRAM per bit, and the leakage of everything built (the PE array, the buffers where
 * their leakage is priced, the attention unit) in one clock cycle.
 */
public final class Prices {
    /** A refusal's category: the cost tables do not reach a block of the design (e.g. a buffer outside CACTI's grid). */
    public static final String NOT_PRICED = "not priced";

    private final double[] readPjPerBit = new double[3];
    private final double[] writePjPerBit = new double[3];
    private final SramPricing.BufferPrice[] buffers = new SramPricing.BufferPrice[3];
    private final double dramPjPerBit;
    private final double peArrayLeakagePjPerCycle;
    private final double leakagePjPerCycle;

    /** An array of PEs without dequantization units. */
    public Prices(Accelerator acc, Inventory pe) {
        this(acc, pe, 0, Inventory.of());
    }

    /**
     * @param pe               the inventory of one PE, which leaks
     * @param dequantizerUnits the group dequantization units built beside the PEs, each {@code dequantizer}; they leak
     * @throws Infeasible when a buffer cannot be priced
     */
    public Prices(Accelerator acc, Inventory pe, long dequantizerUnits, Inventory dequantizer) {
        AsicCostModel cost = acc.cost();
        double leakMw = 0;
        for (Operand o : Operand.values()) {
            Buffer b = acc.buffers().of(o);
            SramPricing.BufferPrice price;
            try {
                price = acc.sram().price(cost, b, acc.bufferWidthBits());
            } catch (NotPricedException e) {
                throw new Infeasible(NOT_PRICED, "%s buffer: %s".formatted(o.bufferName(), e.getMessage()));
            }
            buffers[o.ordinal()] = price;
            readPjPerBit[o.ordinal()] = price.readPjPerBit();
            writePjPerBit[o.ordinal()] = price.writePjPerBit();
            leakMw += price.leakageMw();
        }
        dramPjPerBit = acc.dram().pjPerBit();
        // µW over one cycle of f MHz (1/f µs) is µW / f pJ; mW is 1000 µW.
        peArrayLeakagePjPerCycle = acc.array().pes() * CachedCosts.leakageUw(cost, pe) / acc.clockMhz();
        double unitUw = acc.attentionUnit().map(u -> CachedCosts.leakageUw(cost, u.inventory())).orElse(0.0);
        double dequantizersUw = dequantizerUnits == 0 ? 0 : dequantizerUnits * CachedCosts.leakageUw(cost, dequantizer);
        leakagePjPerCycle = peArrayLeakagePjPerCycle + (leakMw * 1000 + unitUw + dequantizersUw) / acc.clockMhz();
    }

    /** SRAM read energy per bit of an operand's buffer. */
    public double read(Operand o) {
        return readPjPerBit[o.ordinal()];
    }

    /** SRAM write energy per bit of an operand's buffer. */
    public double write(Operand o) {
        return writePjPerBit[o.ordinal()];
    }

    /** One buffer's prices: area and leakage where its pricing has them. */
    public SramPricing.BufferPrice buffer(Operand o) {
        return buffers[o.ordinal()];
    }

    public double dramPjPerBit() {
        return dramPjPerBit;
    }

    /** Leakage of everything built, in one clock cycle. */
    public double leakagePjPerCycle() {
        return leakagePjPerCycle;
    }

    /** Leakage of the PE array alone, in one clock cycle. */
    public double peArrayLeakagePjPerCycle() {
        return peArrayLeakagePjPerCycle;
    }
}
