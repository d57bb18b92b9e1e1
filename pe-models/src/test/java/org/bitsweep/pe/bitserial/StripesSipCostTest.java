package org.bitsweep.pe.bitserial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeDescription;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/**
 * A Stripes serial inner-product unit (Judd et al., MICRO 2016, §4: 16 lanes of weight × activation-bit ANDs into
 * one adder tree, one shifter, one accumulator), priced part by part from the 45 nm tables.
 */
class StripesSipCostTest {
    static final IntFormat INT8 = IntFormat.signed(8);
    static final OperandFormats W8_A8 = OperandFormats.of(INT8, INT8);
    final AsicCostModel cost = AsicCostModel.at("45nm");
    final BitSerialPe sip = BitSerialPe.stripes(new PeParams(32, Overflow.WRAP));

    double area(Part p) {
        return cost.areaUm2(p);
    }

    double energy(Part p) {
        return cost.energyPj(p);
    }

    @Test
    void aSipsAreaIsSixteenLanesOfSelectAndAndRowPlusOneTreeShifterAndAccumulator() {
        // int8 × int8, 32-bit accumulator. Per lane: a 1-of-8 bit select, an 8-bit AND row (an 8-bit 2:1 select of
        // the weight or 0), the 8-bit weight and activation registers. Per unit: the tree over 16 8-bit terms
        // (8 adders of 9 bits, 4 of 10, 2 of 11, 1 of 12), a shifter of the 12-bit sum by 0..7, the 32-bit adder
        // and register. At 45 nm: a lane 119.7 µm², the unit 1,029.5, so the SIP 16 · 119.7 + 1,029.5 = 2,944.6 µm²,
        // 184.0 per lane.
        double lane = area(Part.multiplexer(1, 8)) + area(Part.multiplexer(8, 2)) + 2 * area(Part.register(8));
        double tree = 8 * area(Part.adder(9)) + 4 * area(Part.adder(10)) + 2 * area(Part.adder(11))
                + area(Part.adder(12));
        double unit = tree + area(Part.shifter(12, 7)) + area(Part.adder(32)) + area(Part.register(32));
        PeDescription d = PeDescription.of(sip, W8_A8, cost);
        assertThat(d.lanes()).isEqualTo(16);
        assertThat(d.areaUm2()).isCloseTo(16 * lane + unit, within(1e-9));
        assertThat(d.areaPerLaneUm2()).isCloseTo(lane + unit / 16, within(1e-9));
        // The shared tree, shifter and accumulator are why Stripes fits many lanes: a lane costs less than a lone
        // serial MAC (its own shifter of the 16-bit product, 32-bit adder and register: 486.5 µm²) and less than
        // int-mac (706.0 µm²).
        PeDescription lone = PeDescription.of(new BitSerialPe(new PeParams(32, Overflow.WRAP),
                BitSerialPe.Serial.ACTIVATION, false, 1), W8_A8, cost);
        PeDescription intMac = PeDescription.of(new IntMacPe(new PeParams(32, Overflow.WRAP)), W8_A8, cost);
        assertThat(d.areaPerLaneUm2()).isLessThan(lone.areaPerLaneUm2()).isLessThan(intMac.areaPerLaneUm2());
    }

    @Test
    void aSipsEnergyPerMacIsEightCyclesOfALanePlusAShareOfTheUnit() {
        // Eight cycles per MAC (int8 activations). Per cycle a lane selects one bit and ANDs the weight; the tree,
        // shift, 32-bit add and write run once per unit cycle for 16 lanes: 8 / 16 = 0.5 of each per MAC. Each
        // operand register is written once per MAC. At 45 nm: 0.284 + 0.5 · 0.993 + 0.144 = 0.924 pJ per MAC, against
        // 3.99 for a lone serial MAC, whose shift, 32-bit add and write run every one of its own 8 cycles.
        double lane = 8 * (energy(Part.multiplexer(1, 8)) + energy(Part.multiplexer(8, 2)));
        double unitCycle = 8 * energy(Part.adder(9)) + 4 * energy(Part.adder(10)) + 2 * energy(Part.adder(11))
                + energy(Part.adder(12)) + energy(Part.shifter(12, 7)) + energy(Part.adder(32))
                + energy(Part.register(32));
        double expected = lane + 0.5 * unitCycle + 2 * energy(Part.register(8));
        PeDescription d = PeDescription.of(sip, W8_A8, cost);
        assertThat(d.energyPerMacPj()).isCloseTo(expected, within(1e-9));
        PeDescription lone = PeDescription.of(new BitSerialPe(new PeParams(32, Overflow.WRAP),
                BitSerialPe.Serial.ACTIVATION, false, 1), W8_A8, cost);
        assertThat(d.energyPerMacPj()).isLessThan(lone.energyPerMacPj() / 4);
    }
}
