package org.bitsweep.pe.intmac;

import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A bit-parallel integer MAC, the baseline every low-bit PE is compared with: a weight × activation multiplier
 * feeding an accumulator adder, one MAC per cycle. In a systolic array it also holds the operand registers that pass
 * weights and activations on to its neighbours.
 */
public final class IntMacPe implements PeModel {
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
    // written once as the operands march through the array.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        int w = f.weight().bits();
        int a = f.activation().bits();
        return Activity.builder()
                .add(Part.multiplier(w, a), 1)
                .add(Part.adder(accBits), 1)
                .add(Part.register(accBits), 1)
                .add(Part.register(a), 1)
                .add(Part.register(w), 1)
                .build();
    }

    // Inventory.
    @Override
    public Inventory inventory(OperandFormats f) {
        int w = f.weight().bits();
        int a = f.activation().bits();
        return Inventory.of(Part.multiplier(w, a), Part.adder(accBits), Part.register(accBits), Part.register(a),
                Part.register(w));
    }

    // Arithmetic: the product is exact (at most 32 bits in a long); the accumulator wraps or saturates at every
    // step, as the register would.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
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
