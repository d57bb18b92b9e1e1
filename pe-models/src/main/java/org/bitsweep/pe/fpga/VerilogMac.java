package org.bitsweep.pe.fpga;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.ExponentZero;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.Specials;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Writes a MAC unit as synthesizable Verilog-2005, pipelined stage for stage as cost-models prices it (operand
 * registers; the product; for minifloats the aligned product; the accumulator), so that an independent synthesis
 * tool (Yosys {@code synth_xilinx}) can count its LUTs, carry cells and flip-flops beside our model. One lane, an
 * exact or fixed accumulator of {@link FpgaMacUnit#accumulatorBits()} bits; minifloats without special values
 * (the {@code fin} formats and OCP's fp4/fp6, whose every code is finite) with subnormals.
 */
public final class VerilogMac {
    private VerilogMac() {
    }

    /**
     * The unit as one module named {@code module}, with ports {@code clk}, {@code a_in} (activation code),
     * {@code w_in} (weight code) and {@code acc}.
     *
     * @throws UserInputException for a unit this writer does not cover (float accumulators, several lanes, special
     *                            values, flushed subnormals)
     */
    public static String of(String module, FpgaMacUnit unit) {
        if (!module.matches("[A-Za-z_][A-Za-z0-9_]*"))
            throw new IllegalArgumentException("not a Verilog identifier: " + module);
        if (unit.lanes() != 1 || unit.accumulator() instanceof FpgaAccumulator.Floating)
            throw new UserInputException("Verilog is written for one-lane units with an exact or fixed accumulator, "
                    + "got " + unit.lanes() + " lanes, accumulator " + unit.accumulator().id());
        OperandFormats f = unit.formats();
        if (unit instanceof IntFpgaMac)
            return integer(module, (IntFormat) f.weight(), (IntFormat) f.activation(), unit.accumulatorBits());
        return minifloat(module, (MinifloatFormat) f.weight(), (MinifloatFormat) f.activation(), unit.accumulatorBits());
    }

    private static String integer(String module, IntFormat w, IntFormat a, int acc) {
        int product = w.bits() + a.bits();
        return """
                // %s × %s MAC, %d-bit accumulator: operand registers, product register, accumulator.
                module %s(input clk, input [%d:0] a_in, input [%d:0] w_in, output reg signed [%d:0] acc);
                  reg [%d:0] a;
                  reg [%d:0] w;
                  reg signed [%d:0] p;
                  always @(posedge clk) begin
                    a <= a_in;
                    w <= w_in;
                    p <= %s * %s;
                    acc <= acc + p;
                  end
                endmodule
                """.formatted(a.name(), w.name(), acc, module, a.bits() - 1, w.bits() - 1, acc - 1, a.bits() - 1,
                w.bits() - 1, product - 1, operand("a", a), operand("w", w));
    }

    /** A signed view of an integer register: itself, or zero-extended by one bit when unsigned. */
    private static String operand(String reg, IntFormat f) {
        return f.signed() ? "$signed(%s)".formatted(reg) : "$signed({1'b0, %s})".formatted(reg);
    }

    private static String minifloat(String module, MinifloatFormat w, MinifloatFormat a, int acc) {
        for (MinifloatFormat f : new MinifloatFormat[] {w, a})
            if (f.specials() != Specials.NONE || f.exponentZero() != ExponentZero.SUBNORMAL || !f.signed())
                throw new UserInputException("Verilog is written for signed minifloats whose every code is finite, "
                        + "with subnormals (e.g. e4m3fin, fp6-e3m2); got " + f.name());
        int sigA = a.mantissaBits() + 1;
        int sigW = w.mantissaBits() + 1;
        int span = (1 << a.exponentBits()) - 2 + (1 << w.exponentBits()) - 2;
        int aligned = sigA + sigW + span;
        // The exponent adder's width, as the model prices it: the wider exponent field plus a carry.
        int shiftBits = Math.max(a.exponentBits(), w.exponentBits()) + 1;
        StringBuilder v = new StringBuilder();
        v.append("// %s × %s MAC, exact fixed-point accumulation in %d bits: operand registers; sign, significand\n"
                .formatted(a.name(), w.name(), acc));
        v.append("// product and shift; the aligned signed product; the accumulator.\n");
        v.append("module %s(input clk, input [%d:0] a_in, input [%d:0] w_in, output reg signed [%d:0] acc);\n"
                .formatted(module, a.bits() - 1, w.bits() - 1, acc - 1));
        v.append("  reg [%d:0] a;\n  reg [%d:0] w;\n".formatted(a.bits() - 1, w.bits() - 1));
        fields(v, "a", a, shiftBits);
        fields(v, "w", w, shiftBits);
        v.append("  reg s_p;\n  reg [%d:0] sig_p;\n  reg [%d:0] sh_p;\n".formatted(sigA + sigW - 1, shiftBits - 1));
        v.append("  wire [%d:0] mag = {{%d{1'b0}}, sig_p} << sh_p;\n".formatted(aligned - 1, span));
        // The sign picks add or subtract in the accumulator's adder (acc + (x ^ s…s) + s), as the model prices it:
        // no separate negation. With a shift the aligned magnitude and its sign are registered first.
        String magnitude = span > 0 ? "p_mag" : "mag";
        String sign = span > 0 ? "p_s" : "s_p";
        if (span > 0)
            v.append("  reg p_s;\n  reg [%d:0] p_mag;\n".formatted(aligned - 1));
        v.append("  always @(posedge clk) begin\n");
        v.append("    a <= a_in;\n    w <= w_in;\n");
        v.append("    s_p <= a_s ^ w_s;\n    sig_p <= a_sig * w_sig;\n    sh_p <= a_sh + w_sh;\n");
        if (span > 0)
            v.append("    p_s <= s_p;\n    p_mag <= mag;\n");
        v.append("    acc <= acc + ({{%d{1'b0}}, %s} ^ {%d{%s}}) + %s;\n".formatted(acc - aligned, magnitude, acc, sign,
                sign));
        v.append("  end\nendmodule\n");
        return span == 0 ? v.toString().replace("{{0{1'b0}}, sig_p}", "sig_p") : v.toString();
    }

    /** Sign, significand (leading bit unless the exponent field is 0) and shift (the binade above the lowest). */
    private static void fields(StringBuilder v, String r, MinifloatFormat f, int shiftBits) {
        int m = f.mantissaBits();
        int e = f.exponentBits();
        v.append("  wire %s_s = %s[%d];\n".formatted(r, r, e + m));
        v.append("  wire [%d:0] %s_e = %s[%d:%d];\n".formatted(e - 1, r, r, e + m - 1, m));
        v.append(m == 0 ? "  wire %s_sig = |%s_e;\n".formatted(r, r)
                : "  wire [%d:0] %s_sig = {|%s_e, %s[%d:0]};\n".formatted(m, r, r, r, m - 1));
        v.append("  wire [%d:0] %s_sh = (%s_e == 0) ? 0 : %s_e - 1;\n".formatted(shiftBits - 1, r, r, r));
    }
}
