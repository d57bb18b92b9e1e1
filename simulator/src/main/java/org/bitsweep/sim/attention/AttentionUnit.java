package org.bitsweep.sim.attention;

import java.util.Locale;
import java.util.Objects;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.workloads.Checks;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A vector MAC unit beside the PE array that runs attention's two matmuls (Q·Kᵀ and P·V) against the KV cache, as
 * LLM accelerators keep attention off their weight-specialised PEs (BitMoD's FP16 baseline PE, MixPE, and the
 * bit-serial arrays cannot take the KV cache as a weight operand in FP16). {@code lanes} multipliers work each cycle
 * and reduce into an accumulator of the unit's width; the KV cache streams from DRAM once per GEMM, so a layer takes
 * the longer of its MACs over the lanes and its bytes over the DRAM's bandwidth (both double-buffered).
 *
 * <p>Timing, activity and inventory are here; the simulator prices them with the node's cost tables.
 *
 * @param format what the lanes compute in: {@link Format#FP16} (an fp16 multiplier and an fp32 adder per lane) or
 *               {@link Format#INT8} (an 8-bit multiplier and a 32-bit adder per lane)
 * @param lanes  MACs per cycle
 */
public record AttentionUnit(Format format, int lanes) {
    /** The unit's arithmetic. */
    public enum Format {
        FP16, INT8;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final int MAX_LANES = 1 << 16;
    private static final MinifloatFormat FP16 = (MinifloatFormat) Formats.parse("fp16");

    public AttentionUnit {
        Objects.requireNonNull(format, "format");
        Checks.inRange("attention lanes", lanes, 1, MAX_LANES);
    }

    /**
     * Whether the unit multiplies these operands as they are: an FP16 unit takes any format whose every value fp16
     * holds exactly (integers up to 11 bits, minifloats up to E5M10), an INT8 unit integers up to 8 bits. The
     * operands' scales are applied to the outputs, as the PE array does.
     */
    public boolean supports(OperandFormats f) {
        return takes(f.weight()) && takes(f.activation());
    }

    private boolean takes(NumberFormat n) {
        if (n instanceof IntFormat i)
            return i.bits() <= (format == Format.FP16 ? 11 : 8);
        if (format == Format.INT8)
            return false;
        return n instanceof MinifloatFormat m && m.exponentBits() <= FP16.exponentBits()
                && m.mantissaBits() <= FP16.mantissaBits();
    }

    /** What a refusal says the unit runs. */
    public String runs() {
        return format == Format.FP16 ? "fp16 attention unit: KV cache and activations in fp16 or a format fp16 holds "
                + "exactly (int2..int11, uint2..uint11, fp8-e4m3, fp8-e5m2, fp6, fp4, fp16; not bf16)"
                : "int8 attention unit: KV cache and activations in int2..int8 or uint2..uint8";
    }

    /** Cycles of one GEMM's MACs on the lanes. */
    public long computeCycles(GemmShape s) {
        return (s.macs() + lanes - 1) / lanes;
    }

    /** Per MAC: one multiply, one add into the accumulator, one accumulator register write. */
    public Activity activityPerMac() {
        return Activity.builder().add(multiplier(), 1).add(adder(), 1).add(Part.register(accumulatorBits()), 1).build();
    }

    /** The lanes: a multiplier, an adder and an accumulator register each. */
    public Inventory inventory() {
        Inventory one = Inventory.of(multiplier(), adder(), Part.register(accumulatorBits()));
        return one.times(lanes);
    }

    private Part multiplier() {
        return format == Format.FP16 ? Part.fpMultiplier(FP16.exponentBits(), FP16.mantissaBits())
                : Part.multiplier(8, 8);
    }

    private Part adder() {
        return format == Format.FP16 ? Part.fpAdder(8, 23) : Part.adder(32);
    }

    private int accumulatorBits() {
        return 32;
    }

    @Override
    public String toString() {
        return format.id() + " x" + lanes;
    }
}
