package org.bitsweep.pe.olive;

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
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * OliVe's PE (Guo et al., ISCA 2023): a pair decoder reads two 4-bit codes at once; if one is the victim marker
 * (0b1000) the other is an outlier in the wider abfloat grid, otherwise both are normal values of the group's type
 * (int4 × 4 or flint4 × 2, ending at 32). Every decoded value is an exponent-integer pair ±M · 2^E, with M ≤ 7 and
 * E ≤ 8 (the outlier 384 is 3 · 2^7, the normal 28 is 7 · 2^2), so the MAC is a 3-bit × activation multiplier and a
 * shifter, as in ANT; one MAC per cycle.
 *
 * <p>The arithmetic takes decoded values ({@link #decodePair} turns codes into them, with the code layout of the
 * workloads quantizer). BitMoD's comparison runs OliVe weights with fp16 activations; fp16 enters as exact fixed
 * point (value · 2^24), our model as for {@code BitModPe}. OliVe-quantized activations (olive4) also run.
 */
public final class OlivePe implements PeModel {
    public static final String ID = "olive";
    /** The victim's code: "negative zero", which no normal value uses (workloads' OliVe codec). */
    public static final int VICTIM = OliveFormat.VICTIM_CODE;

    private final int accBits;
    private final Overflow overflow;

    public OlivePe(PeParams params) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        if (!(f.weight() instanceof OliveFormat w) || IntegerGrid.of(w).isEmpty())
            return Support.reason(ID, f, "weights must be an OliVe outlier-victim format", supportedFormats());
        if (activationSplit(f.activation()).isEmpty())
            return Support.reason(ID, f, "activations must be olive4, an integer or an exact minifloat",
                    supportedFormats());
        int needed = productBits(f);
        if (needed > accBits)
            return Support.reason(ID, f, "a product needs %d bits, more than the %d-bit accumulator (set "
                    .formatted(needed, accBits) + "accumulator_bits to at least " + needed + ")", supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights: olive4; activations: olive4, int2..int16, uint2..uint16, fp16 (BitMoD's OliVe baseline), "
                + "fp8-e4m3, fp8-e5m2 as exact fixed point; an accumulator wide enough for the exact product "
                + "(the largest olive4 value is 384)";
    }

    /** Multiplier bits and largest exponent of an activation: decoded like the weights for olive4, else as is. */
    private static Optional<int[]> activationSplit(NumberFormat a) {
        if (a instanceof OliveFormat)
            return IntegerGrid.of(a).map(g -> new int[] {g.maxOddBits(), g.maxExponent()});
        return Support.exactActivation(a).map(x -> new int[] {x.significandBits(), x.alignShift()});
    }

    private static int productBits(OperandFormats f) {
        long maxA = FixedPoint.of(f.activation()).orElseThrow().maxMagnitude();
        long maxW = IntegerGrid.of(f.weight()).orElseThrow().maxMagnitude();
        return IntAccumulator.signedBitsFor(Math.multiplyExact(maxA, maxW));
    }

    /**
     * The two unscaled values of a pair of codes: a victim code makes its partner an outlier (sign bit, then 1 + the
     * outlier's index); otherwise each code is sign and an index into the normal type's magnitudes.
     *
     * @param normalType the group's normal type (its selector)
     */
    public static long[] decodePair(OliveFormat f, int normalType, int first, int second) {
        double[] pair = f.decodePair(normalType, first, second);
        return new long[] {integer(pair[0]), integer(pair[1])};
    }

    private static long integer(double value) {
        long v = (long) value;
        if (v != value)
            throw new IllegalStateException("OliVe value " + value + " is not an integer");
        return v;
    }

    // Timing: bit-parallel, one MAC per cycle.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        return 1;
    }

    // Activity per MAC: half a pair decode per operand in OliVe's format (two 16-entry tables, normal and outlier,
    // a victim check choosing between them, for each of the pair's two codes), the M × M multiply, the shift by the
    // exponents, one accumulate and its write, the operand registers.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        Activity.Builder b = Activity.builder();
        parts(f).forEach((p, n) -> b.add(p, n));
        return b.build();
    }

    private Map<Part, Integer> parts(OperandFormats f) {
        IntegerGrid w = IntegerGrid.of(f.weight()).orElseThrow();
        int[] a = activationSplit(f.activation()).orElseThrow();
        Map<Part, Integer> parts = new LinkedHashMap<>();
        decoderParts(w).forEach((p, n) -> parts.merge(p, n, Integer::sum));
        if (f.activation() instanceof OliveFormat)
            decoderParts(IntegerGrid.of(f.activation()).orElseThrow()).forEach((p, n) -> parts.merge(p, n, Integer::sum));
        parts.merge(Part.multiplier(a[0], w.maxOddBits()), 1, Integer::sum);
        parts.merge(Part.shifter(accBits, a[1] + w.maxExponent()), 1, Integer::sum);
        parts.merge(Part.adder(accBits), 1, Integer::sum);
        parts.merge(Part.register(accBits), 1, Integer::sum);
        parts.merge(Part.register(f.activation().bits()), 1, Integer::sum);
        parts.merge(Part.register(f.weight().bits()), 1, Integer::sum);
        return parts;
    }

    /** Per element: a normal table, an outlier table (16 entries of sign, M and E each) and the 2:1 choice. */
    private static Map<Part, Integer> decoderParts(IntegerGrid g) {
        int entryBits = 1 + g.maxOddBits() + (32 - Integer.numberOfLeadingZeros(g.maxExponent()));
        Map<Part, Integer> parts = new LinkedHashMap<>();
        parts.put(Part.multiplexer(entryBits, 16), 2);
        parts.put(Part.multiplexer(entryBits, 2), 1);
        return parts;
    }

    // Inventory: one of each part of the datapath (a decoder per OliVe operand).
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        return new Inventory(parts(f));
    }

    // Arithmetic on decoded values: the odd parts multiplied, shifted by the exponents (exact), added once.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        boolean splitActivation = f.activation() instanceof OliveFormat;
        int bits = accBits;
        Overflow mode = overflow;
        return (acc, a, w) -> {
            long ma = splitActivation ? IntegerGrid.oddPart(Math.abs(a)) : Math.abs(a);
            int ea = splitActivation ? IntegerGrid.exponent(Math.abs(a)) : 0;
            long magnitude = (ma * IntegerGrid.oddPart(Math.abs(w))) << (ea + IntegerGrid.exponent(Math.abs(w)));
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
