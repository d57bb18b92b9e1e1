package org.bitsweep.sim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.cost.fpga.ResourceLimits;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.sim.fpga.FpgaAcceleratorConfig;
import org.bitsweep.sim.fpga.FpgaSimResult;
import org.bitsweep.sim.fpga.RamStyle;
import org.bitsweep.sim.fpga.WeightStorage;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerClass;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** An FPGA accelerator as a sweep file or simulate names it: its knobs, its refusals and its run's columns. */
class FpgaSpecTest {
    static final OperandFormats INT8 = OperandFormats.of(IntFormat.signed(8), IntFormat.signed(8));

    /** Values as a sweep file hands them over: YAML scalars. */
    static FpgaSpec spec(Object... keyValue) {
        KnobValues v = new KnobValues();
        for (int i = 0; i < keyValue.length; i += 2) {
            Knob<?> k = TargetKinds.of("fpga").knob((String) keyValue[i]);
            v.putParsed(k, k.parse(keyValue[i + 1]));
        }
        return FpgaSpec.from(v);
    }

    static Object column(String name, FpgaSimResult r) {
        return TargetKinds.of("fpga").metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow()
                .value(r);
    }

    @Test
    void noValuesGiveTheConfigsDefaults() {
        assertThat(FpgaSpec.from(new KnobValues()).config()).isEqualTo(FpgaAcceleratorConfig.defaults());
        for (Knob<?> k : FpgaSpec.KNOBS)
            assertThat(k.defaultValue()).as(k.name()).isNotNull();
    }

    @Test
    void everyKnobReadsWhatAFileWrites() {
        FpgaAcceleratorConfig c = spec("device", "xczu7ev", "resource_limits", "lut=0.6,dsp=0.9",
                "accumulator", "fixed:30:saturate", "lanes", 8L, "multipliers", "dsp", "weight_storage", "on-chip",
                "dram_gbps", 10L, "weight_ram", "uram", "clock_mhz", 250L, "reduction_length", 1024L).config();
        assertThat(c.device()).isEqualTo("xczu7ev");
        assertThat(c.resourceLimits()).isEqualTo(new ResourceLimits(0.6, FinnModel.defaultLimits().ff(), 0.9,
                FinnModel.defaultLimits().bram(), FinnModel.defaultLimits().uram()));
        assertThat(c.accumulator()).isEqualTo(new FpgaAccumulator.Fixed(30, Overflow.SATURATE));
        assertThat(c.lanes()).isEqualTo(8);
        assertThat(c.multipliers()).isEqualTo(MultiplierStyle.DSP);
        assertThat(c.weightStorage()).isEqualTo(WeightStorage.ON_CHIP);
        assertThat(c.effectiveDramGbps()).isEqualTo(10);
        assertThat(c.weightRam()).isEqualTo(RamStyle.URAM);
        assertThat(c.clockMhz().getAsDouble()).isEqualTo(250);
        assertThat(c.reductionLength().getAsLong()).isEqualTo(1024);
        assertThat(spec("resource_limits", 0.5).config().resourceLimits()).isEqualTo(ResourceLimits.uniform(0.5));
        assertThat(spec("resource_limits", "finn").config().resourceLimits()).isEqualTo(FinnModel.defaultLimits());
    }

    /** What results and sweep.resolved.yaml write of each knob reads back as the same value. */
    @Test
    void eachKnobsTextReadsBackAsItsValue() {
        FpgaSpec s = spec("resource_limits", "lut=0.6,dsp=0.9", "accumulator", "float:bf16", "clock_mhz", 212.5,
                "lanes", 4L);
        for (Knob<?> k : FpgaSpec.KNOBS) {
            Object raw = Raw.fromOption(s.text(k.name()));
            FpgaSpec again = spec(k.name(), raw);
            assertThat(again.text(k.name())).as(k.name()).isEqualTo(s.text(k.name()));
        }
        assertThat(s.text("resource_limits")).isEqualTo("lut=0.6,ff=0.5,dsp=0.9,bram=0.8,uram=0.8");
        assertThat(s.text("dram_gbps")).isEqualTo("auto");
        assertThat(s.number("dram_gbps")).isEqualTo(25.6);
        assertThat(s.number("clock_mhz")).isEqualTo(212.5);
        assertThat(s.number("reduction_length")).isNaN();
    }

    @Test
    void badValuesSayWhatIsValid() {
        assertThatThrownBy(() -> spec("device", "zu9eg")).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("unknown FPGA device \"zu9eg\"; valid: xczu3eg, xczu7ev");
        assertThatThrownBy(() -> spec("lanes", "many")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> spec("lanes", 0L)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid: 1 to 4096");
        assertThatThrownBy(() -> spec("resource_limits", 1.5)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> spec("resource_limits", "lut=2")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> spec("resource_limits", "speed=1")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("RESOURCE one of lut, ff, dsp, bram, uram");
        assertThatThrownBy(() -> spec("multipliers", "carry")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid: lut, dsp");
        assertThatThrownBy(() -> spec("weight_storage", "flash")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid: dram, on-chip");
        assertThatThrownBy(() -> spec("dram_gbps", -1L)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> spec("accumulator", "kulisch")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("exact, fixed:BITS");
    }

    @Test
    void aPairNoUnitModelsIsRefusedWithWhatTheUnitsRun() {
        OperandFormats mixed = OperandFormats.of(IntFormat.signed(4), Formats.parse("e2m1fin"));
        TargetSpec.Unsupported u = spec().unsupported(mixed).orElseThrow();
        assertThat(u.knob()).isSameAs(FpgaSpec.DEVICE);
        assertThat(u.message()).startsWith("an FPGA MAC unit cannot run w:int4 a:e2m1fin; it runs integer "
                + "weights and activations");
        assertThat(spec().unsupported(OperandFormats.of(Formats.parse("nf4"), Formats.parse("nf4")))).isPresent();
        assertThat(spec().unsupported(INT8)).isEmpty();
        assertThat(spec().unsupported(OperandFormats.of(Formats.parse("e4m3fin"), Formats.parse("e4m3fin"))))
                .isEmpty();
    }

    @Test
    void anAccumulatorOrRamTheDesignCannotBuildIsBlamedOnItsKnob() {
        // int8 × int8 products are 16 bits: a 12-bit register cannot hold one.
        TargetSpec.Unsupported narrow = spec("accumulator", "fixed:12").unsupported(INT8).orElseThrow();
        assertThat(narrow.knob()).isSameAs(FpgaSpec.ACCUMULATOR);
        assertThat(narrow.message()).contains("use at least 16");
        assertThat(spec("accumulator", "float:fp32").unsupported(INT8).orElseThrow().knob())
                .isSameAs(FpgaSpec.ACCUMULATOR);
        TargetSpec.Unsupported uram = spec("device", "xczu3eg", "weight_ram", "uram").unsupported(INT8).orElseThrow();
        assertThat(uram.knob()).isSameAs(FpgaSpec.WEIGHT_RAM);
        assertThat(uram.message()).isEqualTo("xczu3eg has no UltraRAM; use weight_ram bram or auto");
    }

    /**
     * FpgaAcceleratorTest's DSP design through the spec: int8 on the ZU3EG with DSP multipliers, m = 16, n = 4096,
     * k = 64. ⌊360 · 0.8⌋ = 288 DSPs at two int8 products each give 576 units, DSP-bound; each lane is (adder tree 16
     * + accumulator 8 + 8 + ⌈log2 64⌉ + 1 = 23)·1.1 = 42.9 LUTs and half a DSP; 16 · 8 · 64 + 3 = 8195 cycles at the
     * device's 300 MHz.
     */
    @Test
    void aRunFillsTheResourceColumnsWorkedByHand() {
        List<LayerTrace> fc = List.of(new LayerTrace(new Layer("fc", new GemmShape(16, 4096, 64), 1,
                LayerClass.LINEAR), INT8, 8, 8));
        FpgaSimResult r = spec("device", "xczu3eg", "multipliers", "dsp").run(fc);
        assertThat(column("cycles", r)).isEqualTo(8195L);
        assertThat(column("units", r)).isEqualTo(576L);
        assertThat(column("macs_per_cycle", r)).isEqualTo(576L);
        assertThat(column("dsp", r)).isEqualTo(288L);
        assertThat(column("bram18", r)).isEqualTo(186L);
        assertThat((double) column("lut_per_mac", r)).isCloseTo(42.9, within(1e-9));
        assertThat((double) column("dsp_per_mac", r)).isEqualTo(0.5);
        assertThat((double) column("dsp_fraction", r)).isCloseTo(288 / 360.0, within(1e-12));
        assertThat((double) column("design_clock_mhz", r)).isEqualTo(300);
        assertThat(column("clock_limit", r)).isEqualTo("device");
        assertThat(column("bound_by", r)).isEqualTo("dsp");
        assertThat(r.boundId()).isEqualTo("compute");
        assertThat(TargetKinds.of("fpga").metrics()).filteredOn(MetricColumn::isText)
                .extracting(MetricColumn::name).containsExactly("mac_unit", "bound_by", "clock_limit");
        assertThat(column("mac_unit", r)).isEqualTo("fpga-int-mac");
    }
}
