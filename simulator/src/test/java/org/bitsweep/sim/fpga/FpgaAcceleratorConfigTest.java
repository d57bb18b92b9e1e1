package org.bitsweep.sim.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerClass;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The defaults (FpgaSpec's knobs read them from here), the invariants, and what a device cannot build. */
class FpgaAcceleratorConfigTest {

    @Test
    void theDefaultsAreTheVck190sDeviceFinnsLimitsAndAnExactAccumulator() {
        FpgaAcceleratorConfig c = FpgaAcceleratorConfig.defaults();
        assertThat(c.device()).isEqualTo("xcvc1902");
        assertThat(c.resourceLimits()).isEqualTo(FinnModel.defaultLimits());
        assertThat(c.accumulator()).isEqualTo(new FpgaAccumulator.Exact());
        assertThat(c.lanes()).isEqualTo(1);
        assertThat(c.multipliers()).isEqualTo(MultiplierStyle.LUT);
        assertThat(c.weightStorage()).isEqualTo(WeightStorage.DRAM);
        assertThat(c.weightRam()).isEqualTo(RamStyle.AUTO);
        assertThat(c.effectiveDramGbps()).isEqualTo(25.6);
        assertThat(c.formats()).isEmpty();
        assertThat(c.clockMhz()).isEmpty();
        assertThat(c.reductionLength()).isEmpty();
    }

    @Test
    void brokenInvariantsAreBugsNotUserErrors() {
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().device("zu9eg").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("xczu3eg, xczu7ev");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().lanes(0).build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 4096]");
        assertThatThrownBy(() -> FpgaAcceleratorConfig.builder().dramGbps(-1).build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
    }

    @Test
    void ultraRamOnADeviceWithoutItIsRefusedWhenSizing() {
        FpgaAcceleratorConfig c = FpgaAcceleratorConfig.builder().device("xczu3eg").weightRam(RamStyle.URAM).build();
        assertThat(c.refusal()).hasValue("xczu3eg has no UltraRAM; use weight_ram bram or auto");
        OperandFormats int8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));
        List<LayerTrace> fc = List.of(new LayerTrace(new Layer("fc", new GemmShape(1, 64, 64), 1, LayerClass.LINEAR),
                int8, 8, 8));
        assertThatThrownBy(() -> FpgaDesign.size(c, fc)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("has no UltraRAM");
        assertThat(FpgaAcceleratorConfig.builder().device("xczu7ev").weightRam(RamStyle.URAM).build().refusal())
                .isEmpty();
    }
}
