package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.bitsweep.cost.fpga.FpgaCatalog;
import org.bitsweep.cost.fpga.FpgaFamily;
import org.bitsweep.cost.fpga.MacUnitCost;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** Building units: which pairs, which accumulators, and their price. */
class FpgaMacUnitTest {
    static final FpgaFamily ULTRASCALE = FpgaCatalog.device("xczu7ev").family();

    static OperandFormats pair(String w, String a) {
        return OperandFormats.of(Formats.parse(w), Formats.parse(a));
    }

    @Test
    void aFormatWithNoModelIsRefusedWithWhatIsSupported() {
        for (OperandFormats f : new OperandFormats[] {pair("nf4", "int8"), pair("int4", "fp8-e4m3"),
                pair("mxfp4", "mxfp4"), pair("e8m0", "e8m0")})
            assertThatThrownBy(() -> FpgaMacUnit.of(f, "exact", 64, 1)).as(f.toString())
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("runs integer weights and activations");
    }

    @Test
    void accumulatorsParseFromSweepFileText() {
        assertThat(FpgaAccumulator.parse("exact")).isEqualTo(new FpgaAccumulator.Exact());
        assertThat(FpgaAccumulator.parse("fixed:24")).isEqualTo(new FpgaAccumulator.Fixed(24, Overflow.WRAP));
        assertThat(FpgaAccumulator.parse("fixed:24:saturate")).isEqualTo(new FpgaAccumulator.Fixed(24, Overflow.SATURATE));
        assertThat(FpgaAccumulator.parse("float:fp32")).isEqualTo(new FpgaAccumulator.Floating(FloatFormat.FP32));
        assertThat(((FpgaAccumulator.Floating) FpgaAccumulator.parse("float:e5m7")).format().mantissaBits()).isEqualTo(7);
        for (String bad : new String[] {"kulisch", "fixed:1", "fixed:24:clamp", "float:fp8-e4m3", "float:e4m3fin", ""})
            assertThatThrownBy(() -> FpgaAccumulator.parse(bad)).as(bad).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("exact, fixed:BITS");
    }

    @Test
    void aUnitIsPricedByCostModelsWithItsOwnAccumulatorWidth() {
        // e2m1 × e2m1 exact over n = 64: the 55-LUT unit of MacUnitCostsTest.
        MacUnitCost c = FpgaMacUnit.of(pair("e2m1fin", "e2m1fin"), "exact", 64, 1).cost(ULTRASCALE, MultiplierStyle.LUT);
        assertThat(c.luts()).isCloseTo(55.0, within(1e-9));
        // int4 exact over 64: 51.7 LUTs.
        MacUnitCost i = FpgaMacUnit.of(pair("int4", "int4"), "exact", 64, 1).cost(ULTRASCALE, MultiplierStyle.LUT);
        assertThat(i.luts()).isCloseTo(51.7, within(1e-9));
    }

    @Test
    void aFloatAccumulatorTakesOneLane() {
        assertThatThrownBy(() -> FpgaMacUnit.of(pair("fp8-e4m3", "fp8-e4m3"), "float:fp16", 64, 4))
                .isInstanceOf(UserInputException.class).hasMessageContaining("lanes must be 1");
    }

    @Test
    void itsMacSupplierRunsOnlyItsOwnPair() {
        MacSupplier s = FpgaMacUnit.of(pair("int4", "int4"), "exact", 64, 1).macSupplier();
        assertThat(s.id()).isEqualTo("fpga-int-mac:exact");
        OperandFormats mine = OperandFormats.of(IntFormat.signed(4), IntFormat.signed(4));
        assertThat(s.unsupportedReason(mine)).isEmpty();
        assertThat(s.unsupportedReason(pair("int8", "int8"))).contains("built for");
        assertThat(s.arithmetic(mine).mac(5, 3, -2)).isEqualTo(-1);
    }
}
