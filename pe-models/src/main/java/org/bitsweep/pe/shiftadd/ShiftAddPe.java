package org.bitsweep.pe.shiftadd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.DequantizerPlacement;
import org.bitsweep.pe.FixedPoint;
import org.bitsweep.pe.GroupDequantizer;
import org.bitsweep.pe.GroupDequantizing;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.IntegerGrid;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.Support;
import org.bitsweep.pe.exact.Dyadic;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * MixPE's PE (Zhang et al., arXiv 2411.16158, 2024): low-bit weights times high-precision activations (INT8 or fp16)
 * without a multiplier, by shifts and adds, one MAC per cycle; the group's scale and zero point are applied once per
 * group, after the integer partial sum, not to every product (ANCHORS.md §4). What multiplies depends on the weights'
 * values, not on their name:
 * <ul>
 *   <li><b>ternary</b> (every value in {−1, 0, 1}: BitNet b1.58's ternary, binary): a multiplexer passes the
 *       activation or zero, and the accumulator adds or subtracts it;</li>
 *   <li><b>power of two</b> (every non-zero value ±2^E: pot3, pot4, ant-pot4u, DenseShift's denseshift3/4): one barrel
 *       shift, and the accumulator adds or subtracts;</li>
 *   <li><b>integer</b> (int2..int8, uint2..uint8 with a zero point): one shifted copy of the activation per weight bit,
 *       passed or zeroed by that bit (a row of 2:1 cells) and summed by an adder tree (the shifts are wiring); the top
 *       bit of a signed weight is worth −2^(b−1) and its row is subtracted.</li>
 * </ul>
 * fp16 activations enter as exact fixed point (value · 2^24, {@link FixedPoint}): the shift-and-add works on the
 * 11-bit significand and one alignment shift puts the result in place, so the partial sum is exact, as in
 * {@code BitModPe}. The sources we hold do not say how MixPE aligns fp16 products; this is our choice.
 *
 * <p><b>Dequantization, our model.</b> Once per group: P' = P − z·Σa exactly, converted to fp32 (rounded), times the
 * fp16 scale in an fp32 multiplier (rounded), added to the fp32 output (rounded): three roundings to nearest even.
 * A group is the layer's g weights along k (its k when one scale serves an output channel), and each MAC carries 1/g
 * of the dequantization's work.
 *
 * <p><b>Where the unit sits.</b> MixPE's abstract (arXiv 2411.16158) makes dequantization "after per-group mpGEMM"
 * one of the two innovations of the processing element itself; where the unit sits in the array is not in the sources
 * we hold (only the abstract was reachable). <i>Estimate:</i> one unit per PE ({@link DequantizerPlacement#PER_PE}),
 * the plain reading of a processing element that dequantizes. A pipelined fp32 unit takes a partial sum every cycle
 * and a PE yields one every g cycles, so units shared along the array's edge could be fewer; we have not modelled that.
 */
public final class ShiftAddPe implements PeModel, GroupDequantizing {
    public static final String ID = "shift-add";
    /** Low-bit integer weights: wider ones are not what a shift-and-add tree is for. */
    public static final int MAX_INT_WEIGHT_BITS = 8;

    /** How the weights multiply. */
    public enum WeightKind { TERNARY, POWER_OF_TWO, INTEGER }

    private final int accBits;
    private final Overflow overflow;

    public ShiftAddPe(PeParams params) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
    }

    @Override
    public String id() {
        return ID;
    }

    /** How a weight format multiplies on this PE, or empty if it cannot. */
    public static Optional<WeightKind> kind(NumberFormat w) {
        Optional<IntegerGrid> grid = IntegerGrid.of(w);
        if (grid.isEmpty())
            return Optional.empty();
        if (grid.get().ternary())
            return Optional.of(WeightKind.TERNARY);
        if (grid.get().powersOfTwo())
            return Optional.of(WeightKind.POWER_OF_TWO);
        if (w instanceof IntFormat i && i.bits() <= MAX_INT_WEIGHT_BITS)
            return Optional.of(WeightKind.INTEGER);
        return Optional.empty();
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        if (kind(f.weight()).isEmpty())
            return Support.reason(ID, f, "weights must be ternary, powers of two or int/uint of at most "
                    + MAX_INT_WEIGHT_BITS + " bits", supportedFormats());
        Optional<FixedPoint> a = Support.exactActivation(f.activation());
        if (a.isEmpty())
            return Support.reason(ID, f, "activations must be exact in fixed point", supportedFormats());
        int needed = productBits(a.get(), IntegerGrid.of(f.weight()).orElseThrow());
        if (needed > accBits)
            return Support.reason(ID, f, "a product needs %d bits, more than the %d-bit accumulator (set "
                    .formatted(needed, accBits) + "accumulator_bits to at least " + needed + ")", supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights: ternary, binary (no multiplier), pot3, pot4, ant-pot4u, denseshift3, denseshift4 (one shift), "
                + "int2..int8, uint2..uint8 (shift-and-add); activations: int8 or fp16 as in MixPE, or any of "
                + Support.EXACT_ACTIVATIONS + "; an accumulator wide enough for the exact product (e.g. 12 bits for "
                + "int8 × int4, 45 for fp16 × int4)";
    }

    private static int productBits(FixedPoint a, IntegerGrid w) {
        return IntAccumulator.signedBitsFor(Math.multiplyExact(a.maxMagnitude(), w.maxMagnitude()));
    }

    // Timing: the whole product forms in one cycle.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        return 1;
    }

    // Activity per MAC: the multiply by shifts and adds (see the class comment), the alignment shift of an fp16
    // product, one accumulate and its register write, the operand registers. Per group of g MACs (1/g of it per MAC):
    // the dequantization.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        Activity.Builder b = Activity.builder();
        multiplyParts(f).forEach((p, n) -> b.add(p, n));
        datapathParts(f).forEach((p, n) -> b.add(p, n));
        GroupDequantizing.addShare(b, dequantization(f), dequantizationsPerMac(t));
        return b.build();
    }

    /** The multiply: what replaces the multiplier, and how many of each part it uses per MAC. */
    private static Map<Part, Integer> multiplyParts(OperandFormats f) {
        FixedPoint a = Support.exactActivation(f.activation()).orElseThrow();
        IntegerGrid g = IntegerGrid.of(f.weight()).orElseThrow();
        int sig = a.significandBits();
        Map<Part, Integer> parts = new LinkedHashMap<>();
        switch (kind(f.weight()).orElseThrow()) {
            case TERNARY -> {
                if (hasZero(f.weight()))
                    parts.put(Part.multiplexer(sig, 2), 1);
            }
            case POWER_OF_TWO -> parts.put(Part.shifter(sig + g.maxExponent(), Math.max(1, g.maxExponent())), 1);
            case INTEGER -> {
                // Each row passes the shifted activation or zero, as the ternary path's multiplexer does. Not a
                // sig × 1 multiplier: that part is priced per partial-product cell of an array multiplier, an AND
                // and its share of the adder array, and this tree's adders are counted on the next line.
                int b = f.weight().bits();
                parts.put(Part.multiplexer(sig, 2), b);
                parts.put(Part.adder(sig + b), b - 1);
            }
        }
        return parts;
    }

    private static boolean hasZero(NumberFormat f) {
        for (double v : f.values())
            if (v == 0)
                return true;
        return false;
    }

    private Map<Part, Integer> datapathParts(OperandFormats f) {
        FixedPoint a = Support.exactActivation(f.activation()).orElseThrow();
        Map<Part, Integer> parts = new LinkedHashMap<>();
        if (a.alignShift() > 0)
            parts.put(Part.shifter(accBits, a.alignShift()), 1);
        parts.merge(Part.adder(accBits), 1, Integer::sum);
        parts.merge(Part.register(accBits), 1, Integer::sum);
        parts.merge(Part.register(f.activation().bits()), 1, Integer::sum);
        parts.merge(Part.register(f.weight().bits()), 1, Integer::sum);
        return parts;
    }

    // Inventory: the multiply, the accumulate path, the operand registers. The dequantization unit is counted apart.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        Map<Part, Integer> counts = new LinkedHashMap<>(multiplyParts(f));
        datapathParts(f).forEach((p, n) -> counts.merge(p, n, Integer::sum));
        counts.values().removeIf(n -> n < 1);
        return new Inventory(counts);
    }

    /**
     * One dequantization: for unsigned weights the zero-point correction (a multiply z·Σa and a subtract), then the
     * conversion to fp32 (a normalising shift), the fp32 multiply by the scale, the fp32 add into the output and its
     * write. Its unit ({@link #dequantizerInventory}) is one of each.
     */
    @Override
    public Activity dequantization(OperandFormats f) {
        requireSupported(f);
        Activity.Builder b = Activity.builder();
        if (IntegerGrid.of(f.weight()).map(g -> !g.signed()).orElse(false))
            b.add(Part.multiplier(f.weight().bits(), accBits), 1).add(Part.adder(accBits), 1);
        return b.add(Part.shifter(accBits, accBits - 1), 1)
                .add(Part.fpMultiplier(8, 23), 1)
                .add(Part.fpAdder(8, 23), 1)
                .add(Part.register(32), 1)
                .build();
    }

    /** One unit per PE, whatever the layer: an estimate, argued in the class comment. */
    @Override
    public DequantizerPlacement dequantizerPlacement(LayerTrace t) {
        return DequantizerPlacement.PER_PE;
    }

    // Arithmetic: the product as the datapath forms it (it is exact), added once into the accumulator.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        int bits = accBits;
        Overflow mode = overflow;
        WeightKind k = kind(f.weight()).orElseThrow();
        int wBits = f.weight().bits();
        boolean signed = f.weight() instanceof IntFormat i && i.signed();
        return (acc, a, w) -> IntAccumulator.add(acc, product(k, a, w, wBits, signed), bits, mode);
    }

    // Form of a MAC: one exact product added into the register with its overflow rule.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        return Optional.of(MacForm.IntegerSum.oneProductPerMac(accBits, overflow == Overflow.SATURATE));
    }

    /** a·w by the datapath of kind k. */
    static long product(WeightKind k, long a, long w, int wBits, boolean signed) {
        switch (k) {
            case TERNARY:
                return w == 0 ? 0 : w > 0 ? a : -a;
            case POWER_OF_TWO:
                if (w == 0)
                    return 0;
                long shifted = a << Long.numberOfTrailingZeros(Math.abs(w));
                return w > 0 ? shifted : -shifted;
            default:
                long sum = 0;
                for (int i = 0; i < wBits; i++)
                    if (((w >>> i) & 1) != 0)
                        sum += signed && i == wBits - 1 ? -(a << i) : a << i;
                return sum;
        }
    }

    /**
     * Once per group: P − z·Σa exactly, then rounded to fp32, multiplied by the scale and rounded, and added to the
     * fp32 output and rounded.
     */
    @Override
    public GroupDequantizer dequantizer(OperandFormats f) {
        requireSupported(f);
        int q = Support.exactActivation(f.activation()).orElseThrow().quantumExponent();
        FloatFormat fp32 = FloatFormat.FP32;
        return (out, partialSum, scale, zeroPoint, activationSum) -> {
            if (!Double.isFinite(scale))
                throw new IllegalArgumentException("scale must be finite, got " + scale);
            Dyadic corrected = Dyadic.of(partialSum).subtract(Dyadic.of(zeroPoint).multiply(Dyadic.of(activationSum)));
            long converted = ExtendedReal.of(corrected.scaleByPowerOfTwo(q)).roundTo(fp32);
            long scaled = ExtendedReal.of(fp32, converted).multiply(ExtendedReal.ofDouble(scale)).roundTo(fp32);
            return ExtendedReal.of(fp32, out).add(ExtendedReal.of(fp32, scaled)).roundTo(fp32);
        };
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }
}
