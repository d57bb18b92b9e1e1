package org.bitsweep.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    static final OperandFormats INT8_X_INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    final Accelerator acc = new Accelerator(new IntMacPe(new PeParams(32, Overflow.WRAP)),
            new OutputStationaryArray(4, 4), 32 * 1024, 1000, AsicCostModel.at("45nm"));

    @Test
    void oneLayerPricedByHand() {
        // 4×4 array, m = n = 4, k = 8: 18 cycles, 128 MACs.
        // MAC: 8×8 multiply 0.2 pJ + 32-bit add 0.1 pJ = 0.3 pJ → 38.4 pJ.
        // Registers: 32 + 8 + 8 bits written at 0.009 pJ/bit = 0.432 pJ → 55.296 pJ.
        // Weight buffer: 32 weights at 8 + 32/32 = 9 bits (one FP32 scale for the 32-weight tensor) = 288 bits;
        // activations 32 × 8 = 256 bits; a 32 KB SRAM costs 20 pJ per 64 bits → 90 pJ and 80 pJ.
        // Area: 16 PEs × (282 + 137 + 48 · 5.98) µm² = 16 × 706.04 = 11,296.64 µm².
        LayerTrace t = new LayerTrace(new Layer("fc", new GemmShape(4, 4, 8)), INT8_X_INT8, 9, 8);
        SimResult r = Simulator.run(acc, List.of(t));
        assertThat(r.cycles()).isEqualTo(18);
        assertThat(r.macs()).isEqualTo(128);
        assertThat(r.seconds()).isCloseTo(18e-9, within(1e-20));
        assertThat(r.energy().macPj()).isCloseTo(38.4, within(1e-9));
        assertThat(r.energy().registerPj()).isCloseTo(55.296, within(1e-9));
        assertThat(r.energy().weightSramPj()).isCloseTo(90, within(1e-9));
        assertThat(r.energy().activationSramPj()).isCloseTo(80, within(1e-9));
        assertThat(r.energy().totalPj()).isCloseTo(38.4 + 55.296 + 90 + 80, within(1e-9));
        assertThat(r.areaUm2()).isCloseTo(11_296.64, within(1e-6));
        // 128 useful PE-cycles of 18 · 16 available.
        assertThat(r.utilization()).isCloseTo(128.0 / (18 * 16), within(1e-12));
    }

    @Test
    void repeatedShapesCostTheSameAndKeepTheirNames() {
        LayerTrace a = new LayerTrace(new Layer("a", new GemmShape(5, 9, 3)), INT8_X_INT8, 8, 8);
        LayerTrace b = new LayerTrace(new Layer("b", new GemmShape(5, 9, 3)), INT8_X_INT8, 8, 8);
        SimResult r = Simulator.run(acc, List.of(a, b));
        assertThat(r.layers()).extracting(LayerResult::name).containsExactly("a", "b");
        assertThat(r.cycles()).isEqualTo(2 * 78);
        assertThat(r.layers().get(0).energy()).isEqualTo(r.layers().get(1).energy());
    }

    @Test
    void formatsThePeCannotRunAreAUserError() {
        Accelerator narrow = new Accelerator(new IntMacPe(new PeParams(12, Overflow.WRAP)),
                new OutputStationaryArray(4, 4), 32 * 1024, 1000, AsicCostModel.at("45nm"));
        LayerTrace t = new LayerTrace(new Layer("fc", new GemmShape(4, 4, 8)), INT8_X_INT8, 8, 8);
        assertThatThrownBy(() -> Simulator.run(narrow, List.of(t))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("needs 16 bits");
    }
}
