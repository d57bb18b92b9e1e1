package org.bitsweep.pe.fpga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

/** The Verilog has the model's widths; what the writer does not cover it refuses. (Yosys runs in YosysCheckTest.) */
class VerilogMacTest {
    static FpgaMacUnit unit(String w, String a, String acc, int lanes) {
        return FpgaMacUnit.of(OperandFormats.of(Formats.parse(w), Formats.parse(a)), acc, 64, lanes);
    }

    @Test
    void anIntegerUnitHasItsOperandProductAndAccumulatorRegisters() {
        String v = VerilogMac.of("mac_int4", unit("int4", "uint4", "exact", 1));
        // int4 × uint4 over 64 terms: 4 + 4 + 6 + 1 = 15 accumulator bits; the unsigned activation is zero-extended.
        assertThat(v).contains("module mac_int4(").contains("output reg signed [14:0] acc")
                .contains("reg signed [7:0] p;").contains("$signed({1'b0, a})").contains("$signed(w)");
    }

    @Test
    void aMinifloatUnitShiftsItsSignificandProductByTheExponentSum() {
        String v = VerilogMac.of("mac_e2m1", unit("e2m1fin", "e2m1fin", "exact", 1));
        // Aligned product: 2 + 2 significand bits and a span of 2 + 2 binades = 8 bits, a 3-bit exponent sum,
        // the aligned magnitude and its sign registered (9 bits), added or subtracted into the 15-bit accumulator.
        assertThat(v).contains("wire [7:0] mag = {{4{1'b0}}, sig_p} << sh_p;").contains("reg [2:0] sh_p;")
                .contains("reg [7:0] p_mag;").contains("acc <= acc + ({{7{1'b0}}, p_mag} ^ {15{p_s}}) + p_s;")
                .contains("output reg signed [14:0] acc")
                .contains("wire [1:0] a_sig = {|a_e, a[0:0]};");
    }

    @Test
    void whatTheWriterDoesNotCoverIsRefused() {
        assertThatThrownBy(() -> VerilogMac.of("m", unit("fp8-e4m3", "fp8-e4m3", "float:fp32", 1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("exact or fixed");
        assertThatThrownBy(() -> VerilogMac.of("m", unit("int4", "int4", "exact", 4)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("one-lane");
        assertThatThrownBy(() -> VerilogMac.of("m", unit("fp8-e4m3", "fp8-e4m3", "exact", 1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("every code is finite");
        assertThatThrownBy(() -> VerilogMac.of("1m", unit("int4", "int4", "exact", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
