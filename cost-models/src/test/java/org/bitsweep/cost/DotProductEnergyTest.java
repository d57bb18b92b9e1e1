package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A 4096-long dot product priced through {@link Activity}, against the Horowitz table by hand. */
class DotProductEnergyTest {
    static final int K = 4096;
    final AsicCostModel nm45 = AsicCostModel.at("45nm");

    @Test
    void int8DotProductWithA32BitAccumulator() {
        // Accumulator: 32 bits. 4096 products of at most 128*128 = 16384 sum to at most 2^26, which needs 27 bits
        // signed; 32 is the next width Horowitz prices, and the usual INT8 GEMM accumulator.
        // Per MAC: 8x8 mult 0.2 pJ + 32-bit add 0.1 pJ = 0.3 pJ; 4096 * 0.3 = 1228.8 pJ.
        Activity dot = Activity.builder().add(Part.multiplier(8, 8), K).add(Part.adder(32), K).build();
        assertThat(nm45.energyPj(dot)).isCloseTo(1228.8, within(1e-9));
    }

    @Test
    void fp16DotProductWithAnFp16Accumulator() {
        // Per MAC: FP16 mult 1.1 pJ + FP16 add 0.4 pJ = 1.5 pJ; 4096 * 1.5 = 6144 pJ, 5x the INT8 one.
        Activity dot = Activity.builder().add(Part.fpMultiplier(5, 10), K).add(Part.fpAdder(5, 10), K).build();
        assertThat(nm45.energyPj(dot)).isCloseTo(6144, within(1e-9));
    }

    @Test
    void theSameDotProductAt7nmScalesByTheEnergyRatio() {
        // 1228.8 pJ * 0.094309 = 115.887 pJ.
        Activity dot = Activity.builder().add(Part.multiplier(8, 8), K).add(Part.adder(32), K).build();
        assertThat(AsicCostModel.at("7nm").energyPj(dot)).isCloseTo(1228.8 * NodeScalingTest.E7, within(1e-9));
        assertThat(AsicCostModel.at("7nm").energyPj(dot)).isCloseTo(115.887, within(1e-3));
    }
}
