package org.bitsweep.pe.intmac;

import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.DequantizerPlacement;
import org.bitsweep.pe.GroupDequantizer;
import org.bitsweep.pe.GroupDequantizing;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A bit-parallel integer MAC, the baseline every low-bit PE is compared with: a weight × activation multiplier
 * feeding an accumulator adder, one MAC per cycle. In a systolic array it also holds the operand registers that pass
 * weights and activations on to its neighbours.
 *
 * <p><b>Weight scales.</b> The accumulator holds Σ a·q over integer codes; the weights' scale s (and zero point z) turn
 * it into real units: Σ a·w = s · (Σ a·q − z · Σ a). With one scale per output channel that happens once per output,
 * after all k MACs. With weights in groups of g along k (GPTQ's and AWQ's w4g128, say) each group has its own scale,
 * so the integer partial sum must be rescaled every g MACs and added into a real-valued output: the accumulator restarts
 * each group, and a dequantization unit multiplies the partial sum by the fp16 scale's 11-bit significand exactly (an
 * 11 × accumulator-width integer multiplier), normalises the product to fp32 (one rounding), adds it into the fp32
 * output (a second) and writes the output register; unsigned weights first subtract z · Σa (a multiply and an add).
 * Each MAC carries 1/g of that work, or 1/k with one scale per channel.
 *
 * <p><b>Where the unit sits.</b> With one scale per output channel, at the array's edge, one per column: each output
 * is rescaled once as it leaves, where TPU v1 (Jouppi et al., ISCA 2017, Fig. 1) puts its post-accumulation activation
 * pipeline, one lane per array column. With grouped weights the rescaling must happen every g MACs, before the next
 * group adds into the same output, so it moves into every PE: this is how we read VS-Quant (Dai et al., MLSys 2021),
 * whose accelerator study rescales each vector MAC's integer dot product by its per-vector scale inside the PE (only
 * its abstract is in the sources we hold, so this placement is an estimate). A weight-stationary array whose rows
 * divide g could instead rescale at the column edge; we do not model that.
 */
public final class IntMacPe implements PeModel, GroupDequantizing {
    public static final String ID = "int-mac";

    private final int accBits;
    private final Overflow overflow;

    public IntMacPe(PeParams params) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Integer operands whose full product fits the accumulator: a signed b-bit × c-bit product needs b + c bits
     * (−2^(b−1) · −2^(c−1) = 2^(b+c−2) is positive), and an accumulator narrower than one product is no design.
     */
    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        if (!f.bothIntegers())
            return "int-mac needs integer weights and activations, got %s; it runs %s".formatted(f, supportedFormats());
        int productBits = f.weight().bits() + f.activation().bits();
        if (productBits > accBits)
            return "a %s × %s product needs %d bits, more than the %d-bit accumulator"
                    .formatted(f.weight().name(), f.activation().name(), productBits, accBits);
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights and activations int2..int16 or uint2..uint16 whose bit widths add up to at most the "
                + "accumulator's (%d bits)".formatted(accBits);
    }

    // Timing: fully bit-parallel, so one MAC per cycle whatever the widths.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        return 1;
    }

    // Activity per MAC: one multiply, one accumulate (add and accumulator write), and each operand register
    // written once as the operands march through the array; and 1/g of a dequantization (1/k per channel).
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        int w = f.weight().bits();
        int a = f.activation().bits();
        Activity.Builder b = Activity.builder()
                .add(Part.multiplier(w, a), 1)
                .add(Part.adder(accBits), 1)
                .add(Part.register(accBits), 1)
                .add(Part.register(a), 1)
                .add(Part.register(w), 1);
        GroupDequantizing.addShare(b, dequantization(f, t), dequantizationsPerMac(t));
        return b.build();
    }

    // Inventory.
    @Override
    public Inventory inventory(OperandFormats f) {
        int w = f.weight().bits();
        int a = f.activation().bits();
        return Inventory.of(Part.multiplier(w, a), Part.adder(accBits), Part.register(accBits), Part.register(a),
                Part.register(w));
    }

    /**
     * One dequantization: for unsigned weights z · Σa (a weight-width × accumulator-width multiply) and its subtract;
     * the exact multiply by the fp16 scale's significand, the normalising shift of the product to fp32, the fp32 add
     * into the output and the output register's write.
     */
    @Override
    public Activity dequantization(OperandFormats f) {
        requireSupported(f);
        int productBits = accBits + SCALE_SIGNIFICAND_BITS;
        Activity.Builder b = Activity.builder();
        if (f.weight() instanceof IntFormat w && !w.signed())
            b.add(Part.multiplier(w.bits(), accBits), 1).add(Part.adder(accBits), 1);
        return b.add(Part.multiplier(SCALE_SIGNIFICAND_BITS, accBits), 1)
                .add(Part.shifter(productBits, productBits - 1), 1)
                .add(Part.fpAdder(8, 23), 1)
                .add(Part.register(32), 1)
                .build();
    }

    /**
     * With one scale per output (per channel or per tensor), the rescaled output is the output: no fp32 add into a
     * running sum, and no second rounding. With groups, {@link #dequantization(OperandFormats)}.
     */
    @Override
    public Activity dequantization(OperandFormats f, LayerTrace t) {
        if (t == null || t.layer() == null || GroupDequantizing.grouped(t))
            return dequantization(f);
        requireSupported(f);
        int productBits = accBits + SCALE_SIGNIFICAND_BITS;
        Activity.Builder b = Activity.builder();
        if (f.weight() instanceof IntFormat w && !w.signed())
            b.add(Part.multiplier(w.bits(), accBits), 1).add(Part.adder(accBits), 1);
        return b.add(Part.multiplier(SCALE_SIGNIFICAND_BITS, accBits), 1)
                .add(Part.shifter(productBits, productBits - 1), 1)
                .add(Part.register(32), 1)
                .build();
    }

    /**
     * Without a layer ({@code null}), none: int-mac described on its own is the bare MAC, as Horowitz's table prices it,
     * and its scales belong to a layer's quantization. Otherwise 1 / {@link LayerTrace#macsPerScale}.
     */
    @Override
    public double dequantizationsPerMac(LayerTrace t) {
        return t == null || t.layer() == null ? 0 : GroupDequantizing.super.dequantizationsPerMac(t);
    }

    /** In every PE for grouped weights, one per column otherwise (see the class comment). */
    @Override
    public DequantizerPlacement dequantizerPlacement(LayerTrace t) {
        return GroupDequantizing.grouped(t) ? DequantizerPlacement.PER_PE : DequantizerPlacement.PER_COLUMN;
    }

    /** (P − z·Σa) · s exact, rounded to fp32, added to the output and rounded: integer operands, quantum 2^0. */
    @Override
    public GroupDequantizer dequantizer(OperandFormats f) {
        requireSupported(f);
        return GroupDequantizer.exactScaleThenFp32(0);
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }

    // Arithmetic: the product is exact (at most 32 bits in a long); the accumulator wraps or saturates at every
    // step, as the register would.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        int bits = accBits;
        Overflow mode = overflow;
        return (acc, x, y) -> IntAccumulator.add(acc, x * y, bits, mode);
    }

    // Form of a MAC: one exact product added into the register with its overflow rule.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
        return Optional.of(MacForm.IntegerSum.oneProductPerMac(accBits, overflow == Overflow.SATURATE));
    }

    public int accumulatorBits() {
        return accBits;
    }

    public Overflow overflow() {
        return overflow;
    }
}
