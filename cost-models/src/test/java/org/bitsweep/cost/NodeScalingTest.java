package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Stillmaker & Baas scaling from 45 nm. At Vdd = 0.8 V for both nodes, P(V) = a V^2 + b V + c:
 * P45 = 1.103*0.64 - 0.362*0.8 + 0.2767 = 0.70592 - 0.2896 + 0.2767 = 0.69302;
 * P7  = 0.1776*0.64 - 0.09097*0.8 + 0.02447 = 0.113664 - 0.072776 + 0.02447 = 0.065358, so E7/E45 = 0.094309;
 * P16 = 0.2958*0.64 - 0.1241*0.8 + 0.03024 = 0.120272, E16/E45 = 0.173548;
 * 28 nm lies 2/3 of the way from 20 nm to 32 nm: P32 = 0.456936, P20 = 0.1532,
 * P28 = 0.1532 + (2/3)(0.303736) = 0.355691, E28/E45 = 0.513247; area 0.21 + (2/3)(0.46 - 0.21) = 0.376667.
 */
class NodeScalingTest {
    static final double E7 = 0.065358 / 0.69302;
    static final double E16 = 0.120272 / 0.69302;
    static final double E28 = 0.3556906667 / 0.69302;

    @Test
    void energyAndAreaFactorsFrom45nm() {
        assertThat(AsicCostModel.at("7nm").energyFactor()).isCloseTo(0.094309, within(1e-6));
        assertThat(AsicCostModel.at("7nm").areaFactor()).isEqualTo(0.059);
        assertThat(AsicCostModel.at("16nm").energyFactor()).isCloseTo(0.173548, within(1e-6));
        assertThat(AsicCostModel.at("16nm").areaFactor()).isEqualTo(0.19);
        assertThat(AsicCostModel.at("28nm").energyFactor()).isCloseTo(0.513247, within(1e-6));
        assertThat(AsicCostModel.at("28nm").areaFactor()).isCloseTo(0.376667, within(1e-6));
        assertThat(AsicCostModel.at("45nm").energyFactor()).isEqualTo(1.0);
    }

    @Test
    void anEightBitAddAt7nmIsTheHorowitzAddTimesTheEnergyRatio() {
        // 0.03 pJ * 0.094309 = 0.0028293 pJ; 36 um2 * 0.059 = 2.124 um2.
        AsicCostModel nm7 = AsicCostModel.at("7nm");
        assertThat(nm7.energyPj(Part.adder(8))).isCloseTo(0.03 * E7, within(1e-12));
        assertThat(nm7.energyPj(Part.adder(8))).isCloseTo(0.0028293, within(1e-7));
        assertThat(nm7.areaUm2(Part.adder(8))).isCloseTo(2.124, within(1e-9));
        assertThat(nm7.basis(Part.adder(8))).contains("Horowitz").contains("Stillmaker & Baas").contains("45nm -> 7nm");
    }

    @Test
    void fp16MultiplyAt28nmAndSramAt16nmScaleAlike() {
        // FP16 mult 1.1 pJ * 0.513247 = 0.564572 pJ; a 32 KB read 20 pJ * 0.173548 = 3.47096 pJ.
        assertThat(AsicCostModel.at("28nm").energyPj(Part.fpMultiplier(5, 10))).isCloseTo(1.1 * E28, within(1e-9));
        assertThat(AsicCostModel.at("16nm").energyPj(Part.sramRead(32768))).isCloseTo(20 * E16, within(1e-9));
        assertThat(AsicCostModel.at("28nm").basis(Part.adder(8))).contains("interpolat");
    }

    @Test
    void offChipDramDoesNotFollowTheLogicNode() {
        AsicCostModel nm7 = AsicCostModel.at("7nm");
        assertThat(nm7.energyPj(Part.dramAccess(64))).isEqualTo(1300);
        assertThat(nm7.energyRangePj(Part.dramAccess(64))).isEqualTo(new EnergyRange(1300, 2600));
        assertThat(nm7.basis(Part.dramAccess(64))).contains("does not follow the logic node");
    }

    @Test
    void leakageFollowsTheEnergyFactor() {
        // 1.108851 uW (45 nm, 32-bit adder) * 0.094309 = 0.104575 uW.
        assertThat(AsicCostModel.at("7nm").leakageUw(Part.adder(32))).isCloseTo(1.108851 * E7, within(1e-6));
    }

    @Test
    void theScalingFileSaysWhichNodeIsInterpolated() {
        NodeScaling s = AsicCostModel.nodeScaling();
        assertThat(s.vddV()).isEqualTo(0.8);
        assertThat(s.node("28nm").estimate()).isTrue();
        assertThat(s.node("32nm").estimate()).isFalse();
        assertThat(s.node("7nm").basis()).contains("Stillmaker & Baas");
    }
}
