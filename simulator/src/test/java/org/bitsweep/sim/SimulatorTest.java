package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.OutputStationaryArray;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerClass;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    static final OperandFormats INT8_X_INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
    static final IntMacPe INT_MAC_32 = new IntMacPe(new PeParams(32, Overflow.WRAP));
    static final AsicCostModel NM45 = AsicCostModel.at("45nm");
    /** The sweeps' constructor: 4×4 output stationary, three 32 KiB buffers, 64 GB/s DRAM, 1 GHz. */
    final Accelerator acc = new Accelerator(INT_MAC_32, new OutputStationaryArray(4, 4), 32 * 1024, 1000, NM45);

    static LayerTrace layer(String name, GemmShape s, double weightBits) {
        return new LayerTrace(new Layer(name, s), INT8_X_INT8, weightBits, 8);
    }

    @Test
    void oneLayerTimedAndPricedByHand() {
        // 4×4 array, m = n = 4, k = 8, int8 × int8; weights carry 8 + 32/32 = 9 bits (one FP32 scale per 32).
        LayerTrace t = layer("fc", new GemmShape(4, 4, 8), 9);
        SimResult r = Simulator.run(acc, List.of(t));

        // Compute: one fold of 2·4 + 4 + 8 − 2 = 18 cycles.
        // DRAM: 64 GB/s at 1 GHz = 64 B = 512 bits per cycle. A is 32 × 8 = 256 bits, B 32 × 9 = 288, C 16 × 8 = 128.
        // The mapper tries the whole GEMM as one tile (load 544 bits = 1.0625 cycles before, write 128 = 0.25 after:
        // 1.3125 → 2 stall cycles) and, since it is one fold, k in chunks of max(R, C) = 4 (2 steps: load half of A
        // and B first, 0.53125 cycles; the second halves load during the first step's 9 cycles; write 0.25 after:
        // 0.78125 → 1). It keeps the chunks: 18 + 1 = 19 cycles.
        assertThat(r.computeCycles()).isEqualTo(18);
        assertThat(r.cycles()).isEqualTo(19);
        LayerResult l = r.layers().get(0);
        assertThat(l.mapping().tileK()).isEqualTo(4);
        assertThat(l.mapping().steps()).isEqualTo(2);
        assertThat(l.mapping().visits()).isEqualTo(1);
        // 672 bits of traffic take ⌈84 B / 64 B⌉ = 2 cycles alone: compute-bound.
        assertThat(r.dramBytes()).isEqualTo(84);
        assertThat(r.memoryCycles()).isEqualTo(2);
        assertThat(r.bound()).isEqualTo(Bound.COMPUTE);
        assertThat(r.macs()).isEqualTo(128);
        assertThat(r.seconds()).isCloseTo(19e-9, within(1e-20));

        EnergyBreakdown e = r.energy();
        // MAC: 8×8 multiply 0.2 pJ + 32-bit add 0.1 pJ = 0.3 pJ × 128 = 38.4 pJ. The trace gives no group size, so
        // one scale per output channel: each of the 16 outputs is rescaled once, after its k = 8 MACs (int-mac's
        // dequantization, 1/8 of one per MAC; before traces carried a group size int-mac counted none). One
        // rescale: the 11 × 32 scale-significand multiply (352 bit pairs on the 64 → 1024 power law, exponent
        // ln 15.5 / ln 16 = 0.988549: 0.2 · 5.5^0.988549 = 1.078735 pJ), the 43-bit normalising shift (6 stages, 258
        // cells against the 32-bit entry's 160 at 0.3787 pJ: 0.610654 pJ); no fp32 add, since the rescaled output is
        // the output: 1.689389 pJ; × 16 = 27.030223 pJ, 65.430223 pJ in all.
        assertThat(e.macPj()).isCloseTo(38.4 + 27.030223, within(1e-6));
        // Registers: 32 + 8 + 8 bits written at 0.009 pJ/bit = 0.432 pJ × 128 = 55.296 pJ, and each rescale writes
        // the 32-bit fp32 output once: 16 × 0.288 = 4.608 pJ.
        assertThat(e.registerPj()).isCloseTo(55.296 + 4.608, within(1e-9));
        // A 32 KB SRAM: read 20 pJ and write 18.4 pJ per 64 bits, so 0.3125 and 0.2875 pJ per bit.
        // OS reads B once per row fold (1): 32 × 9 = 288 bits → 90 pJ; DRAM writes the same 288 bits → 82.8 pJ.
        assertThat(e.weightSramReadPj()).isCloseTo(90, within(1e-9));
        assertThat(e.weightSramWritePj()).isCloseTo(82.8, within(1e-9));
        // A once per column fold (1): 256 bits → 80 pJ read, 73.6 pJ written from DRAM.
        assertThat(e.activationSramReadPj()).isCloseTo(80, within(1e-9));
        assertThat(e.activationSramWritePj()).isCloseTo(73.6, within(1e-9));
        // 16 outputs of 8 bits: written by the array (36.8 pJ), read out to DRAM (40 pJ).
        assertThat(e.outputSramWritePj()).isCloseTo(36.8, within(1e-9));
        assertThat(e.outputSramReadPj()).isCloseTo(40, within(1e-9));
        // DRAM: 672 bits at 1300 pJ / 64 bits = 13,650 pJ.
        assertThat(e.dramPj()).isCloseTo(13_650, within(1e-9));
        // Leakage per PE: density × area. Multiplier 282 µm² × 77.86052/6351.338 = 3.45701 µW; 32-bit adder
        // 137 × 2.249908/277.9792 = 1.10885 µW; 48 register bits × 5.98 µm² × 0.07395312/5.981433 = 3.54890 µW;
        // 8.11476 µW per PE, 129.836 µW for 16; at 1 GHz 0.129836 pJ per cycle × 19 = 2.46689 pJ.
        // The rescale units, one per column (4), leak too, each part by the same density × area: the 11 × 32
        // multiplier's 1,325.594 µm² 16.250348 µW, the 43-bit shifter's 413.1225 µm² 3.217628 µW, the 32-bit
        // register's 191.36 µm² 2.365933 µW: 21.833909 µW a unit, 87.335635 µW for 4, 1.659377 pJ over 19 cycles.
        assertThat(e.leakagePj()).isCloseTo(2.4668883 + 1.6593771, within(1e-6));
        assertThat(e.totalPj()).isCloseTo(65.430223 + 59.904 + 90 + 82.8 + 80 + 73.6 + 40 + 36.8 + 13_650 + 4.1262654,
                within(1e-5));

        // Area: 16 PEs × (282 + 137 + (32 + 8 + 8) · 5.98) µm² = 16 × 706.04 = 11,296.64 µm²; 4 rescale units of
        // 1,325.594166 + 413.1225 + 191.36 = 1,930.076666 µm², 7,720.306664 µm²; buffers not priced.
        assertThat(r.area().peArrayUm2()).isCloseTo(11_296.64, within(1e-6));
        assertThat(r.area().dequantizersUm2()).isCloseTo(7_720.306664, within(1e-5));
        assertThat(r.areaUm2()).isCloseTo(11_296.64 + 7_720.306664, within(1e-5));
        assertThat(r.area().notPriced()).hasSize(3).allMatch(s -> s.contains("Horowitz's SRAM figures have no area"));
        // 128 useful PE-cycles of 19 · 16.
        assertThat(r.utilization()).isCloseTo(128.0 / (19 * 16), within(1e-12));
    }

    @Test
    void breakdownsSumToTheirTotalsAndEveryEntryNamesItsSource() {
        LayerTrace fc = layer("fc", new GemmShape(64, 200, 300), 8);
        LayerTrace qk = new LayerTrace(new Layer("qk", new GemmShape(64, 64, 32), 4, LayerClass.ATTENTION_SCORE),
                INT8_X_INT8, 8, 8);
        for (Dataflow df : Dataflow.all()) {
            SimResult r = Simulator.run(Accelerator.of(INT_MAC_32, new SystolicArray(8, 16), df, 4096, NM45),
                    List.of(fc, qk));
            Map<String, Double> energy = r.energy().entries();
            assertThat(energy.values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(r.energy().totalPj(), within(1e-9 * r.energy().totalPj()));
            assertThat(r.area().entries().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isEqualTo(r.areaUm2());
            // Layers add up to the whole, entry by entry.
            for (String key : energy.keySet()) {
                double layers = r.layers().stream().mapToDouble(l -> l.energy().entries().get(key)).sum();
                assertThat(layers).isCloseTo(energy.get(key), within(1e-9 * Math.max(1, energy.get(key))));
            }
            assertThat(r.layers().stream().mapToLong(LayerResult::cycles).sum()).isEqualTo(r.cycles());
            // Every energy and area entry traces to cost-model rows that carry their source or estimate text.
            for (String key : energy.keySet()) {
                if (key.equals("attention_unit_pj"))
                    continue;               // no attention unit: attention runs on the array
                assertThat(energy.get(key)).as(key).isPositive();
                assertThat(r.sources().get(key)).as(key).isNotEmpty()
                        .allMatch(s -> s.contains("Horowitz") || s.contains("Aladdin") || s.contains("estimate")
                                || s.contains("CACTI") || s.contains("power law") || s.contains("proportional"));
            }
            assertThat(r.sources().get("pe_array_um2")).isNotEmpty();
            assertThat(r.sources().get("mac_pj")).anyMatch(s -> s.startsWith("int-multiplier(8x8): table row 45nm"));
            assertThat(r.sources().get("dram_pj")).singleElement().asString().contains("Horowitz");
        }
    }

    @Test
    void repeatedShapesCostTheSameAndKeepTheirNames() {
        LayerTrace a = layer("a", new GemmShape(5, 9, 3), 8);
        LayerTrace b = layer("b", new GemmShape(5, 9, 3), 8);
        SimResult r = Simulator.run(acc, List.of(a, b));
        assertThat(r.layers()).extracting(LayerResult::name).containsExactly("a", "b");
        assertThat(r.layers().get(0).energy()).isEqualTo(r.layers().get(1).energy());
        assertThat(r.layers().get(0).mapping()).isSameAs(r.layers().get(1).mapping());
        // m = 5, n = 9, k = 3 on 4×4 OS: 6 folds of 8 + 4 + 3 − 2 = 13 = 78 compute cycles each.
        assertThat(r.computeCycles()).isEqualTo(2 * 78);
    }

    @Test
    void aLayerOfCountGemmsCostsCountTimesOne() {
        GemmShape s = new GemmShape(16, 16, 64);
        SimResult one = Simulator.run(acc, List.of(new LayerTrace(new Layer("h", s, 1, LayerClass.ATTENTION_SCORE),
                INT8_X_INT8, 8, 8)));
        SimResult eight = Simulator.run(acc, List.of(new LayerTrace(new Layer("h", s, 8, LayerClass.ATTENTION_SCORE),
                INT8_X_INT8, 8, 8)));
        assertThat(eight.cycles()).isEqualTo(8 * one.cycles());
        assertThat(eight.dramBytes()).isEqualTo(8 * one.dramBytes());
        assertThat(eight.energy().totalPj()).isCloseTo(8 * one.energy().totalPj(), within(1e-6));
        assertThat(eight.layers().get(0).count()).isEqualTo(8);
    }

    @Test
    void scaleSimTimingReportsScaleSimsComputeCycles() {
        // 256×128×256 on 32×32 with buffers and bandwidth that never stall: SCALE-Sim's goldens (10,175 OS,
        // 11,199 WS, 14,207 IS; see ScaleSimReferenceTest) are the compute cycles, whole-GEMM tiles, one visit each.
        GemmShape s = new GemmShape(256, 128, 256);
        long[] expected = {10_175, 11_199, 14_207};
        for (int i = 0; i < 3; i++) {
            Accelerator big = Accelerator.of(INT_MAC_32, new SystolicArray(32, 32), Dataflow.all().get(i), 1 << 20, NM45)
                    .withTiming(Timing.SCALESIM);
            SimResult r = Simulator.run(big, List.of(layer("g", s, 8)));
            assertThat(r.computeCycles()).isEqualTo(expected[i]);
            assertThat(r.layers().get(0).mapping().visits()).isEqualTo(1);
        }
    }

    @Test
    void formatsThePeCannotRunAreAUserError() {
        Accelerator narrow = new Accelerator(new IntMacPe(new PeParams(12, Overflow.WRAP)),
                new OutputStationaryArray(4, 4), 32 * 1024, 1000, NM45);
        assertThatThrownBy(() -> Simulator.run(narrow, List.of(layer("fc", new GemmShape(4, 4, 8), 8))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("layer fc")
                .hasMessageContaining("needs 16 bits");
    }

    @Test
    void aTileThatFitsNoBufferIsAUserErrorNamingTheBuffer() {
        // 64×64 output stationary: the smallest tile is one fold, 64 × 64 outputs of 8 bits = 4 KiB, two of them
        // 8 KiB, in a 4 KiB output buffer. A and B tiles of one fold with a 64-long chunk are 4 KiB each: 8 KiB too.
        Accelerator tiny = Accelerator.of(INT_MAC_32, new SystolicArray(64, 64), Dataflow.OS, 4096, NM45);
        assertThatThrownBy(() -> Simulator.run(tiny, List.of(layer("proj", new GemmShape(128, 128, 128), 8))))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("layer proj")
                .hasMessageContaining("no tile fits the buffers")
                .hasMessageContaining("the output buffer needs 8192 bytes for two tiles and has 4096");
    }

    @Test
    void narrowBufferPortsStretchTheCompute() {
        // 4×4 OS, 4×4×64: one fold, 8 + 4 + 64 − 2 = 74 cycles. The array reads A: 4 × 64 = 256 bytes in 74 cycles,
        // 3.46 B/cycle; a 1-byte-per-cycle activation port makes that 256 cycles: 74 × 3.459... = 256.
        Accelerator narrow = acc.withBuffers(new Buffers(org.bitsweep.sim.memory.Buffer.of(32 * 1024),
                new org.bitsweep.sim.memory.Buffer(32 * 1024, 1, 1), org.bitsweep.sim.memory.Buffer.of(32 * 1024)));
        SimResult r = Simulator.run(narrow, List.of(layer("fc", new GemmShape(4, 4, 64), 8)));
        assertThat(r.computeCycles()).isEqualTo(256);
    }

    @Test
    void anEnergyObjectiveNeverSpendsMoreEnergyThanTheCyclesObjective() {
        LayerTrace t = layer("fc", new GemmShape(300, 500, 700), 8);
        for (Dataflow df : Dataflow.all()) {
            Accelerator fast = Accelerator.of(INT_MAC_32, new SystolicArray(16, 16), df, 16 * 1024, NM45)
                    .withDram(Dram.priced(8, NM45));
            SimResult cycles = Simulator.run(fast, List.of(t));
            SimResult energy = Simulator.run(fast.withObjective(Objective.ENERGY), List.of(t));
            assertThat(energy.energy().totalPj()).isLessThanOrEqualTo(cycles.energy().totalPj() * (1 + 1e-12));
            assertThat(cycles.cycles()).isLessThanOrEqualTo(energy.cycles());
        }
    }
}
