package org.bitsweep.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The component library at 45 nm: each expected value is derived by hand from the rows and rules of its file. */
class ComponentLibraryTest {
    final AsicCostModel nm45 = AsicCostModel.at("45nm");

    @Test
    void fp16AndFp32AreTheTableRows() {
        // Horowitz ISSCC 2014 / H&P Fig. 1.13 energies; Dally/Azizi areas.
        assertThat(nm45.energyPj(Part.fpMultiplier(5, 10))).isEqualTo(1.1);
        assertThat(nm45.energyPj(Part.fpAdder(5, 10))).isEqualTo(0.4);
        assertThat(nm45.energyPj(Part.fpMultiplier(8, 23))).isEqualTo(3.7);
        assertThat(nm45.energyPj(Part.fpAdder(8, 23))).isEqualTo(0.9);
        assertThat(nm45.areaUm2(Part.fpMultiplier(5, 10))).isEqualTo(1640);
        assertThat(nm45.areaUm2(Part.fpAdder(8, 23))).isEqualTo(4184);
        assertThat(nm45.basis(Part.fpMultiplier(5, 10))).contains("FP16 mult 1.1 pJ");
    }

    @Test
    void e4m3MultiplierFollowsThePowerLawInTheSignificandProduct() {
        // Size (M+1)^2: FP16 11^2 = 121, FP32 24^2 = 576, E4M3 4^2 = 16.
        // Exponent ln(3.7/1.1)/ln(576/121) = ln 3.363636 / ln 4.760331 = 1.213023/1.560317 = 0.777421.
        // E4M3: 1.1 * (16/121)^0.777421 = 1.1 * exp(0.777421 * -2.023220) = 1.1 * exp(-1.572894)
        //      = 1.1 * 0.207447 = 0.228192 pJ.
        assertThat(nm45.energyPj(Part.fpMultiplier(4, 3))).isCloseTo(0.228192, within(1e-5));
        // Area exponent ln(7700/1640)/ln 4.760331 = 1.546493/1.560317 = 0.991160;
        // 1640 * exp(0.991160 * -2.023220) = 1640 * 0.134618 = 220.77 um2.
        assertThat(nm45.areaUm2(Part.fpMultiplier(4, 3))).isCloseTo(220.77, within(0.01));
        assertThat(nm45.basis(Part.fpMultiplier(4, 3))).contains("power law").contains("fp-multiplier");
    }

    @Test
    void theExponentWidthDoesNotMoveAnFpPriceButKeepsPartsApart() {
        // E5M3 multiplies the same 4-bit significands as E4M3: same price, different part.
        assertThat(nm45.energyPj(Part.fpMultiplier(5, 3))).isEqualTo(nm45.energyPj(Part.fpMultiplier(4, 3)));
        assertThat(Part.fpMultiplier(5, 3)).isNotEqualTo(Part.fpMultiplier(4, 3));
        assertThat(Part.fpMultiplier(4, 3)).hasToString("fp-multiplier(E4M3)");
    }

    @Test
    void e4m3AdderFollowsThePowerLawInTheSignificandWidth() {
        // Size M+1: FP16 11, FP32 24, E4M3 4. Exponent ln(0.9/0.4)/ln(24/11) = 0.810930/0.780159 = 1.039443.
        // E4M3: 0.4 * (4/11)^1.039443 = 0.4 * exp(1.039443 * -1.011601) = 0.4 * 0.349413 = 0.139765 pJ.
        assertThat(nm45.energyPj(Part.fpAdder(4, 3))).isCloseTo(0.139765, within(1e-5));
    }

    @Test
    void shifterIsPricedPerTwoToOneCell() {
        // One row: 32 bits, shifts 0..31 = 5 stages = 160 cells, 0.3787 pJ, 256.2 um2.
        assertThat(Part.shifter(32).size()).isEqualTo(160);
        assertThat(nm45.energyPj(Part.shifter(32))).isEqualTo(0.3787);
        // A 24-bit shifter by 0 or 1 has one stage: 24 cells, 0.3787 * 24/160 = 0.056805 pJ.
        assertThat(nm45.energyPj(Part.shifter(24, 1))).isCloseTo(0.056805, within(1e-9));
        // 16 bits, shifts 0..15: 4 stages, 64 cells: 256.2 * 64/160 = 102.48 um2.
        assertThat(nm45.areaUm2(Part.shifter(16, 15))).isCloseTo(102.48, within(1e-9));
        assertThat(nm45.basis(Part.shifter(24, 1))).contains("proportional").contains("Aladdin");
    }

    @Test
    void multiplexerCellsCostWhatShifterCellsCost() {
        // A 4:1 mux of bytes is 8 * 3 = 24 cells: 0.07574 * 24/32 = 0.056805 pJ, the same as the 24-cell shifter.
        assertThat(Part.multiplexer(8, 4).size()).isEqualTo(24);
        assertThat(nm45.energyPj(Part.multiplexer(8, 4))).isCloseTo(0.056805, within(1e-9));
        assertThat(nm45.energyPj(Part.multiplexer(8, 4))).isCloseTo(nm45.energyPj(Part.shifter(24, 1)), within(1e-6));
        assertThatThrownBy(() -> Part.multiplexer(8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Part.shifter(8, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sramAccessesAreLinearInWidth() {
        // 8 KB, 64 bits: 10 pJ (Horowitz). 32 bits: 10 * 32/64 = 5 pJ, which is H&P Fig. 1.13's own 8 KB 32-bit read.
        assertThat(nm45.energyPj(Part.sramRead(8192, 32))).isEqualTo(5.0);
        assertThat(nm45.energyPj(Part.sramRead(8192, 64))).isEqualTo(nm45.energyPj(Part.sramRead(8192)));
        assertThat(nm45.basis(Part.sramRead(8192, 32))).contains("x 32/64");
    }

    @Test
    void sramWritesAreReadsTimesTheCactiRatio() {
        // 8 KB: 10 * 0.92 = 9.2 pJ. 32 KB, 128-bit: 20 * 0.92 * 128/64 = 36.8 pJ.
        assertThat(nm45.energyPj(Part.sramWrite(8192))).isEqualTo(9.2);
        assertThat(nm45.energyPj(Part.sramWrite(32768, 128))).isCloseTo(36.8, within(1e-9));
        assertThat(nm45.basis(Part.sramWrite(8192))).contains("CACTI");
    }

    @Test
    void dramIsTheLowEndOfHorowitzsRangeAndCarriesTheRange() {
        // 1.3 to 2.6 nJ per 64-bit access; priced at 1300 pJ = 20.3125 pJ/bit.
        assertThat(nm45.energyPj(Part.dramAccess(64))).isEqualTo(1300);
        assertThat(nm45.dramEnergyPjPerBit()).isCloseTo(20.3125, within(1e-12));
        assertThat(nm45.energyRangePj(Part.dramAccess(64))).isEqualTo(new EnergyRange(1300, 2600));
        // H&P's 32-bit DRAM read is 640 pJ; ours is 1300 * 32/64 = 650 pJ, 1.6 % above.
        assertThat(nm45.energyPj(Part.dramAccess(32))).isCloseTo(640, within(640 * 0.02));
        // A point-priced part has a zero-width range.
        assertThat(nm45.energyRangePj(Part.adder(8))).isEqualTo(new EnergyRange(0.03, 0.03));
    }

    @Test
    void leakageIsAladdinsDensityTimesOurArea() {
        // 32-bit adder: 137 um2 * (2.249908 uW / 277.9792 um2 = 0.00809380 uW/um2) = 1.108851 uW.
        assertThat(nm45.leakageUw(Part.adder(32))).isCloseTo(1.108851, within(1e-6));
        // 24-bit register: 24 * 5.98 = 143.52 um2 * (0.07395312 / 5.981433 = 0.01236378) = 1.774450 uW.
        assertThat(nm45.leakageUw(Part.register(24))).isCloseTo(1.774450, within(1e-6));
        // FP16 multiplier borrows the integer multiplier's density: 1640 * (77.86052/6351.338 = 0.01225892) = 20.1046 uW.
        assertThat(nm45.leakageUw(Part.fpMultiplier(5, 10))).isCloseTo(20.1046, within(1e-4));
        assertThat(nm45.leakageUw(Inventory.of(Part.adder(32), Part.adder(32)))).isCloseTo(2 * 1.108851, within(1e-6));
        assertThatThrownBy(() -> nm45.leakageUw(Part.sramRead(8192))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void partsPrintTheirShape() {
        assertThat(Part.multiplier(8, 4)).hasToString("int-multiplier(8x4)");
        assertThat(Part.shifter(24, 1)).hasToString("shifter(24b, 0..1)");
        assertThat(Part.multiplexer(8, 4)).hasToString("multiplexer(4:1 x 8b)");
        assertThat(Part.sramRead(8192, 32)).hasToString("sram-read(8192B, 32b)");
        assertThat(new Part(Component.INT_ADDER, 8)).hasToString("int-adder(8)");
    }
}
