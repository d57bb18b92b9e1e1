package org.bitsweep.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bitsweep.sim.array.Operand;

/**
 * Energy by where it is spent, in pJ; every entry is priced from a cost-model entry ({@link SimResult#sources()}
 * names them). The buffers leak where their pricing has leakage (CACTI), not under Horowitz's figures.
 *
 * @param macPj                 the PEs' arithmetic: multipliers, adders, shifters, multiplexers, per MAC
 * @param registerPj            the PEs' registers: accumulators and the operand registers that move data across
 *                              the array
 * @param weightSramReadPj      the array reading B (weights, or the KV cache in attention)
 * @param weightSramWritePj     DRAM filling the weight buffer
 * @param activationSramReadPj  the array reading A
 * @param activationSramWritePj DRAM filling the activation buffer
 * @param outputSramReadPj      partial sums read back to be added to, and outputs read out to DRAM
 * @param outputSramWritePj     outputs and partial sums written by the array, and spilled partial sums read back
 *                              from DRAM
 * @param dramPj                every bit read from or written to DRAM
 * @param leakagePj             the leakage of everything built (PE array, buffers where priced, attention unit) over
 *                              the run's time
 * @param attentionUnitPj       the attention unit's arithmetic and accumulator registers
 */
public record EnergyBreakdown(double macPj, double registerPj, double weightSramReadPj, double weightSramWritePj,
                              double activationSramReadPj, double activationSramWritePj, double outputSramReadPj,
                              double outputSramWritePj, double dramPj, double leakagePj, double attentionUnitPj) {
    public static final EnergyBreakdown ZERO = new EnergyBreakdown(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** A PE-array layer's energy: no attention unit. */
    public EnergyBreakdown(double macPj, double registerPj, double weightSramReadPj, double weightSramWritePj,
                           double activationSramReadPj, double activationSramWritePj, double outputSramReadPj,
                           double outputSramWritePj, double dramPj, double leakagePj) {
        this(macPj, registerPj, weightSramReadPj, weightSramWritePj, activationSramReadPj, activationSramWritePj,
                outputSramReadPj, outputSramWritePj, dramPj, leakagePj, 0);
    }

    /** Reads and writes of the weight buffer. */
    public double weightSramPj() {
        return weightSramReadPj + weightSramWritePj;
    }

    /** Reads and writes of the activation buffer. */
    public double activationSramPj() {
        return activationSramReadPj + activationSramWritePj;
    }

    /** Reads and writes of the output buffer. */
    public double outputSramPj() {
        return outputSramReadPj + outputSramWritePj;
    }

    /** The sum of the entries, added in {@link #entries()}'s order. */
    public double totalPj() {
        return macPj + registerPj + weightSramReadPj + weightSramWritePj + activationSramReadPj + activationSramWritePj
                + outputSramReadPj + outputSramWritePj + dramPj + leakagePj + attentionUnitPj;
    }

    public EnergyBreakdown times(double factor) {
        return new EnergyBreakdown(macPj * factor, registerPj * factor, weightSramReadPj * factor,
                weightSramWritePj * factor, activationSramReadPj * factor, activationSramWritePj * factor,
                outputSramReadPj * factor, outputSramWritePj * factor, dramPj * factor, leakagePj * factor,
                attentionUnitPj * factor);
    }

    public EnergyBreakdown plus(EnergyBreakdown o) {
        return new EnergyBreakdown(macPj + o.macPj, registerPj + o.registerPj, weightSramReadPj + o.weightSramReadPj,
                weightSramWritePj + o.weightSramWritePj, activationSramReadPj + o.activationSramReadPj,
                activationSramWritePj + o.activationSramWritePj, outputSramReadPj + o.outputSramReadPj,
                outputSramWritePj + o.outputSramWritePj, dramPj + o.dramPj, leakagePj + o.leakagePj,
                attentionUnitPj + o.attentionUnitPj);
    }

    /** Every entry under its JSON key, in a fixed order; {@link #totalPj()} is their sum in this order. */
    public Map<String, Double> entries() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mac_pj", macPj);
        m.put("register_pj", registerPj);
        m.put(key(Operand.WEIGHTS, false), weightSramReadPj);
        m.put(key(Operand.WEIGHTS, true), weightSramWritePj);
        m.put(key(Operand.ACTIVATIONS, false), activationSramReadPj);
        m.put(key(Operand.ACTIVATIONS, true), activationSramWritePj);
        m.put(key(Operand.OUTPUTS, false), outputSramReadPj);
        m.put(key(Operand.OUTPUTS, true), outputSramWritePj);
        m.put("dram_pj", dramPj);
        m.put("leakage_pj", leakagePj);
        m.put("attention_unit_pj", attentionUnitPj);
        return m;
    }

    /** The JSON key of one buffer's reads or writes, e.g. {@code weight_sram_read_pj}. */
    public static String key(Operand o, boolean write) {
        return bufferName(o) + "_sram_" + (write ? "write" : "read") + "_pj";
    }

    /** How the buffer of an operand is named: weight, activation, output. */
    public static String bufferName(Operand o) {
        return o.bufferName();
    }
}
