package org.bitsweep.sim.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

/** Every knob has a default, parses from text, and refuses bad values saying what is valid. */
class FpgaAcceleratorConfigTest {

    @Test
    void theDefaultsAreTheVck190sDeviceFinnsLimitsAndAnExactAccumulator() {
        FpgaAcceleratorConfig c = FpgaAcceleratorConfig.defaults();
        assertThat(c.device()).isEqualTo("xcvc1902");
        assertThat(c.utilization()).isEqualTo(FinnModel.defaultLimits());
        assertThat(c.accumulator()).isEqualTo(new FpgaAccumulator.Exact());
        assertThat(c.lanes()).isEqualTo(1);
        assertThat(c.multipliers()).isEqualTo(MultiplierStyle.LUT);
        assertThat(c.weights()).isEqualTo(WeightStorage.DRAM);
        assertThat(c.effectiveDramGbps()).isEqualTo(25.6);
        assertThat(c.formats()).isEmpty();
    }

    @Test
    void everyKnobParsesFromText() {
        FpgaAcceleratorConfig c = FpgaAcceleratorConfig.builder()
                .set("device", "xczu7ev").set("weight_format", "e4m3fin").set("activation_format", "e4m3fin")
                .set("utilization", "lut=0.6,dsp=0.9").set("accumulator", "fixed:30:saturate").set("lanes", "8")
                .set("multipliers", "dsp").set("weights", "on-chip").set("dram_gbps", "10").set("weight_ram", "uram")
                .set("clock_mhz", "250").set("reduction_length", "1024").build();
        assertThat(c.device()).isEqualTo("xczu7ev");
        assertThat(c.formats().orElseThrow().weight().name()).isEqualTo("e4m3fin");
        assertThat(c.utilization().lut()).isEqualTo(0.6);
        assertThat(c.utilization().dsp()).isEqualTo(0.9);
        assertThat(c.utilization().ff()).isEqualTo(FinnModel.defaultLimits().ff());
        assertThat(c.accumulator()).isEqualTo(new FpgaAccumulator.Fixed(30, Overflow.SATURATE));
        assertThat(c.lanes()).isEqualTo(8);
        assertThat(c.multipliers()).isEqualTo(MultiplierStyle.DSP);
        assertThat(c.weights()).isEqualTo(WeightStorage.ON_CHIP);
        assertThat(c.effectiveDramGbps()).isEqualTo(10);
        assertThat(c.weightRam()).isEqualTo(RamStyle.URAM);
        assertThat(c.clockMhz().getAsDouble()).isEqualTo(250);
        assertThat(c.reductionLength().getAsLong()).isEqualTo(1024);
        assertThat(FpgaAcceleratorConfig.KNOBS).extracting(FpgaAcceleratorConfig.Knob::key).containsExactly("device",
                "weight_format", "activation_format", "utilization", "accumulator", "lanes", "multipliers", "weights",
                "dram_gbps", "weight_ram", "clock_mhz", "reduction_length");
    }

    @Test
    void badValuesSayWhatIsValid() {
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().device("zu9eg").build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("xczu3eg, xczu7ev");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("lanes", "many"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("lanes", "0").build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("[1, 4096]");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("utilization", "1.5").build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("multipliers", "carry"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("lut, dsp");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("weights", "flash"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("dram, on-chip");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("speed", "1"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("knobs: device");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().device("xczu3eg").weightRam(RamStyle.URAM).build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("has no UltraRAM");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("weight_format", "int4").build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().set("dram_gbps", "-1").build())
                .isInstanceOf(UserInputException.class).hasMessageContaining("> 0");
    }
}
