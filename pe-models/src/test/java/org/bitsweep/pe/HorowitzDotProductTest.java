package org.bitsweep.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.fpmac.FpMacPe;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * A 4096-long dot product priced by hand from Horowitz's table (ISSCC 2014, 45 nm; ANCHORS.md §1a) beside what the
 * PE models' activity costs through {@link AsicCostModel}. The PEs also write registers, which Horowitz's table does
 * not price; they come from cost-models' register estimate (Aladdin, 0.009 pJ per bit written), counted apart.
 */
class HorowitzDotProductTest {
    static final int K = 4096;
    final AsicCostModel nm45 = AsicCostModel.at("45nm");

    @Test
    void int8DotProductOnIntMac() {
        // Horowitz: 8-bit multiply 0.2 pJ, 32-bit add 0.1 pJ. 4096 · (0.2 + 0.1) = 1228.8 pJ. The accumulator is 32 bits:
        // 4096 products of at most 2^14 sum to at most 2^26.
        // Registers per MAC: the 32-bit accumulator and two 8-bit operand registers, 48 bits · 0.009 pJ = 0.432 pJ;
        // 4096 · 0.432 = 1769.472 pJ. Total 2998.272 pJ.
        IntMacPe pe = new IntMacPe(new PeParams(32, Overflow.WRAP));
        Activity perMac = pe.activityPerMac(OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8)), null);
        assertThat(K * PeDescription.datapathEnergyPj(perMac, nm45)).isCloseTo(1228.8, within(1e-9));
        assertThat(K * nm45.energyPj(perMac)).isCloseTo(2998.272, within(1e-9));
    }

    @Test
    void fp16DotProductOnFpMac() {
        // Horowitz: FP16 multiply 1.1 pJ (H&P Fig. 1.13's value; his own figure rounds it to 1 pJ), FP16 add 0.4 pJ.
        // With an fp16 accumulator: 4096 · 1.5 = 6144 pJ, 5× the INT8 dot product. Registers: 16-bit accumulator and two
        // 16-bit operands, again 48 bits, 1769.472 pJ; total 7913.472 pJ.
        FpMacPe fp16Acc = new FpMacPe(new PeParams(16, Overflow.WRAP));
        OperandFormats fp16 = OperandFormats.of(Formats.parse("fp16"), Formats.parse("fp16"));
        Activity perMac = fp16Acc.activityPerMac(fp16, null);
        assertThat(K * PeDescription.datapathEnergyPj(perMac, nm45)).isCloseTo(6144, within(1e-9));
        assertThat(K * nm45.energyPj(perMac)).isCloseTo(7913.472, within(1e-9));
        // With an fp32 accumulator the add is Horowitz's FP32 add, 0.9 pJ: 4096 · (1.1 + 0.9) = 8192 pJ.
        FpMacPe fp32Acc = new FpMacPe(new PeParams(32, Overflow.WRAP));
        assertThat(K * PeDescription.datapathEnergyPj(fp32Acc.activityPerMac(fp16, null), nm45)).isCloseTo(8192, within(1e-9));
    }
}
