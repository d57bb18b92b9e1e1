package org.bitsweep.pe.ant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.FixedPoint;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.IntegerGrid;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.Support;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * ANT's PE (Guo et al., MICRO 2022): a decoder turns each ANT code (int, flint or power of two, chosen per tensor)
 * into an exponent-integer pair, v = ±M · 2^E, and a bit-parallel MAC multiplies the integers and shifts the
 * product by the sum of the exponents; one MAC per cycle. Flint4's 12 decodes to M = 3, E = 2, its 16 to M = 1,
 * E = 4; an int decodes to itself with E = 0; a power of two to M = 1. So a 4-bit flint needs only a 2-bit
 * multiplier input and a shifter, which is ANT's point: flint costs about what int costs.
 *
 * <p>Both operands may be ANT types (ANT quantizes weights and activations). BitMoD compares against ANT with fp16
 * activations; fp16 enters as exact fixed point (value · 2^24), its 11-bit significand is the multiplier input and
 * its exponent joins the shift (our model, as for {@code BitModPe}).
 */
public final class AntPe implements PeModel {
    public static final String ID = "ant";
    /** ANT's types are 4 (and 8) bits wide; an integer grid beyond 8 bits is no ANT type. */
    public static final int MAX_CODE_BITS = 8;

    private final int accBits;
    private final Overflow overflow;

    public AntPe(PeParams params) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
    }

    @Override
    public String id() {
        return ID;
    }

    /** How the decoder splits an operand of this format: multiplier bits of M and the largest E. */
    record Decoded(int multiplierBits, int maxExponent, boolean fixedPointActivation) {
    }

    /** An ANT type: an integer grid up to 8 bits; ints decode to themselves, other grids to odd part and exponent. */
    static Optional<Decoded> decodedGrid(NumberFormat f) {
        if (f.bits() > MAX_CODE_BITS)
            return Optional.empty();
        return IntegerGrid.of(f).map(g -> f instanceof IntFormat
                ? new Decoded(g.magnitudeBits(), 0, false)
                : new Decoded(g.maxOddBits(), g.maxExponent(), false));
    }

    static Optional<Decoded> decodedActivation(NumberFormat f) {
        Optional<Decoded> grid = decodedGrid(f);
        if (grid.isPresent())
            return grid;
        if (!(f instanceof MinifloatFormat))
            return Optional.empty();
        return Support.exactActivation(f).map(a -> new Decoded(a.significandBits(), a.alignShift(), true));
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        if (decodedGrid(f.weight()).isEmpty())
            return Support.reason(ID, f, "weights must be an ANT type (an integer grid of at most 8 bits)",
                    supportedFormats());
        if (decodedActivation(f.activation()).isEmpty())
            return Support.reason(ID, f, "activations must be an ANT type or an exact minifloat", supportedFormats());
        int needed = productBits(f);
        if (needed > accBits)
            return Support.reason(ID, f, "a product needs %d bits, more than the %d-bit accumulator (set "
                    .formatted(needed, accBits) + "accumulator_bits to at least " + needed + ")", supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights: ant-flint4, ant-flint3, ant-flint4u, pot4, pot3, ant-pot4u, ant4, int2..int8, uint2..uint8 "
                + "(any integer grid of at most 8 bits); activations: the same types, or fp16 (BitMoD's ANT baseline), "
                + "fp8-e4m3, fp8-e5m2 as exact fixed point; an accumulator wide enough for the exact product";
    }

    private static int productBits(OperandFormats f) {
        long maxA = FixedPoint.of(f.activation()).orElseThrow().maxMagnitude();
        long maxW = IntegerGrid.of(f.weight()).orElseThrow().maxMagnitude();
        return IntAccumulator.signedBitsFor(Math.multiplyExact(maxA, maxW));
    }

    // Timing: bit-parallel, one MAC per cycle.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        return 1;
    }

    // Activity per MAC: each flint or power-of-two operand through its decoder (a table of sign, M and E per code;
    // integers need none), the M×M multiply, the shift by E_a + E_w, one accumulate and its write, the operand
    // registers.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        Activity.Builder b = Activity.builder();
        parts(f).forEach((p, n) -> b.add(p, n));
        return b.build();
    }

    private Map<Part, Integer> parts(OperandFormats f) {
        Decoded w = decodedGrid(f.weight()).orElseThrow();
        Decoded a = decodedActivation(f.activation()).orElseThrow();
        Map<Part, Integer> parts = new LinkedHashMap<>();
        if (!(f.weight() instanceof IntFormat))
            parts.merge(decoder(f.weight(), w), 1, Integer::sum);
        if (!a.fixedPointActivation() && !(f.activation() instanceof IntFormat))
            parts.merge(decoder(f.activation(), a), 1, Integer::sum);
        parts.merge(Part.multiplier(a.multiplierBits(), w.multiplierBits()), 1, Integer::sum);
        int shift = a.maxExponent() + w.maxExponent();
        if (shift > 0)
            parts.merge(Part.shifter(accBits, shift), 1, Integer::sum);
        parts.merge(Part.adder(accBits), 1, Integer::sum);
        parts.merge(Part.register(accBits), 1, Integer::sum);
        parts.merge(Part.register(f.activation().bits()), 1, Integer::sum);
        parts.merge(Part.register(f.weight().bits()), 1, Integer::sum);
        return parts;
    }

    /** One table entry per code: sign, M and E. */
    private static Part decoder(NumberFormat f, Decoded d) {
        int exponentBits = 32 - Integer.numberOfLeadingZeros(d.maxExponent());
        return Part.multiplexer(1 + d.multiplierBits() + exponentBits, f.codeCount());
    }

    // Inventory: one of each part of the datapath.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        return new Inventory(parts(f));
    }

    // Arithmetic: the decoded integers multiplied and shifted (exact), added once into the accumulator.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        boolean intWeights = f.weight() instanceof IntFormat;
        boolean splitActivation = !decodedActivation(f.activation()).orElseThrow().fixedPointActivation()
                && !(f.activation() instanceof IntFormat);
        int bits = accBits;
        Overflow mode = overflow;
        return (acc, a, w) -> {
            long mw = intWeights ? Math.abs(w) : IntegerGrid.oddPart(Math.abs(w));
            int ew = intWeights ? 0 : IntegerGrid.exponent(Math.abs(w));
            long ma = splitActivation ? IntegerGrid.oddPart(Math.abs(a)) : Math.abs(a);
            int ea = splitActivation ? IntegerGrid.exponent(Math.abs(a)) : 0;
            long magnitude = (ma * mw) << (ea + ew);
            return IntAccumulator.add(acc, (a < 0) != (w < 0) ? -magnitude : magnitude, bits, mode);
        };
    }

    // Form of a MAC: one exact product added into the register with its overflow rule.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        return Optional.of(MacForm.IntegerSum.oneProductPerMac(accBits, overflow == Overflow.SATURATE));
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }
}
