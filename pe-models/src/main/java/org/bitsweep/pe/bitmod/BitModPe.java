package org.bitsweep.pe.bitmod;

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
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * BitMoD's PE (Chen et al., HPCA 2025): weights bit-serial, two bits per cycle, so a b-bit weight takes ⌈b/2⌉ cycles;
 * four lanes form a dot product (the simulator's {@code pe_dp_size = 4}); activations are fp16.
 *
 * <p><b>Unified representation.</b> Every weight type BitMoD mixes (INT3/INT4 and the FP3/FP4 grids with their
 * extra-resolution and extra-asymmetry values) is an integer grid, and each value is held as sign · D · 2^E, cut into
 * ⌈b/2⌉ two-bit digits of D, one per cycle, each shifted by 2·j + E. An integer weight is its own magnitude (E = 0;
 * no table, only the sign-magnitude conversion); a table type decodes to E = min(trailing zeros of |v|, 4) and
 * D = |v| >> E: FP4's 12 is 3 · 2^2 (one digit 0b11, shift 2), its special value 10 is 5 · 2^1 (digits 0b01 and
 * 0b01), the EA value 16 is 1 · 2^4. The exponent reaches 4 because 16 is the largest power of two the BitMoD types
 * hold; a grid qualifies when every D fits the ⌈b/2⌉ digits. So one datapath runs every type, and the type only
 * changes the decoder's table.
 *
 * <p><b>Activations, our choice.</b> The paper's activations are fp16; how its PE aligns them is not in the sources
 * we hold. We model an exact datapath: an fp16 activation enters as the integer value · 2^24 (see {@link FixedPoint})
 * and the partial sum is an exact fixed-point (Kulisch-style) register of {@code accumulator_bits} bits, so nothing is
 * lost before dequantization. That costs width: an fp16 × 4-bit product needs 45 bits.
 *
 * <p><b>Bit-serial dequantization.</b> Once per group of g weights (the layer's group size, or its k when one scale
 * serves an output channel), the group's partial sum P is multiplied by the group's fp16 scale one scale bit per
 * cycle (11 cycles, overlapped with the next group's ⌈g/4⌉ · ⌈b/2⌉ cycles: 64 for 4-bit weights in groups of 128, 16
 * in groups of 32), which is exact; the product is rounded to fp32 and added into the fp32 output (two roundings,
 * both to nearest even). Its work is spread over the group's MACs, 1/g of it per MAC; a group shorter than 11 cycles
 * stalls the PE until the unit is free.
 *
 * <p><b>Where the unit sits.</b> The sources we hold say only that BitMoD "adopts a bit-serial dequantization unit to
 * rescale the per-group partial sum with minimal hardware overhead" (arXiv 2411.11745, abstract); its simulator
 * ({@code bitmod_sim/}, both the HPCA artifact at 58d7bdb and the 2025 rewrite) charges one energy and area per PE
 * and models no dequantizer at all. <i>Estimate:</i> one unit per PE ({@link DequantizerPlacement#PER_PE}). Each
 * PE's output holds its own partial sum, and a bit-serial unit is busy 11 cycles per group, so one unit can serve at
 * most ⌊64/11⌋ = 5 PEs at g = 128 and ⌊16/11⌋ = 1 at g = 32 with 4-bit weights: sharing it along a 32- or 64-PE
 * column would stall the array, and a bit-serial unit is the cheap choice precisely where it is replicated.
 */
public final class BitModPe implements PeModel, GroupDequantizing {
    public static final String ID = "bitmod";
    /** pe_dp_size in BitMoD's simulator (ANCHORS.md §3a). */
    public static final int LANES = 4;
    /** Weight bits per cycle (ANCHORS.md §3a: cycles per weight = ⌈bits/2⌉). */
    public static final int BITS_PER_CYCLE = 2;
    /** The largest shift of the unified representation: 16 = 2^4, the largest power of two in the BitMoD types. */
    public static final int MAX_WEIGHT_EXPONENT = 4;

    private final int accBits;
    private final Overflow overflow;

    public BitModPe(PeParams params) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        Optional<String> weight = weightProblem(f.weight());
        if (weight.isPresent())
            return Support.reason(ID, f, weight.get(), supportedFormats());
        Optional<FixedPoint> a = Support.exactActivation(f.activation());
        if (a.isEmpty())
            return Support.reason(ID, f, "activations must be exact in fixed point", supportedFormats());
        int needed = productBits(a.get(), IntegerGrid.of(f.weight()).orElseThrow());
        if (needed > accBits)
            return Support.reason(ID, f, "a product needs a %d-bit exact partial sum, more than the %d-bit "
                    .formatted(needed, accBits) + "accumulator (set accumulator_bits to at least " + needed + ")",
                    supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights: int2..int16, bitmod-fp3 and bitmod-fp4 with their -er-pos/-er-neg/-ea-pos/-ea-neg variants, "
                + "bitmod3, bitmod4, ant-flint3, ant-flint4, pot3, pot4 (any signed integer grid whose values are "
                + "±D·2^E, E <= 4, D within ⌈bits/2⌉ two-bit digits); activations: fp16 as in the paper, or "
                + Support.EXACT_ACTIVATIONS + "; an accumulator wide enough for the exact product (45 bits for "
                + "fp16 × 4-bit weights)";
    }

    private static Optional<String> weightProblem(NumberFormat w) {
        Optional<IntegerGrid> grid = IntegerGrid.of(w);
        if (grid.isEmpty())
            return Optional.of("weights must be an integer grid (" + w.name() + " is not)");
        if (!grid.get().signed())
            return Optional.of("weights must be signed: BitMoD quantizes symmetrically, without a zero point");
        int digitBits = BITS_PER_CYCLE * cycles(w);
        boolean table = tableType(w);
        for (double v : w.values()) {
            long m = Math.abs((long) v);
            if (IntegerGrid.bitLength(m >>> exponent(m, table)) > digitBits)
                return Optional.of("the weight %s is not ±D·2^E with D in %d bits and E <= %d"
                        .formatted((long) v, digitBits, MAX_WEIGHT_EXPONENT));
        }
        return Optional.empty();
    }

    /** The E of the unified representation: 0 for integers, up to 4 for table types. */
    private static int exponent(long magnitude, boolean table) {
        return table ? Math.min(IntegerGrid.exponent(magnitude), MAX_WEIGHT_EXPONENT) : 0;
    }

    /** Whether the weights go through a decoder table (the FP types, mixtures, flint, PoT) or are plain integers. */
    private static boolean tableType(NumberFormat w) {
        return !(w instanceof IntFormat);
    }

    private static int cycles(NumberFormat w) {
        return (w.bits() + BITS_PER_CYCLE - 1) / BITS_PER_CYCLE;
    }

    /** Bits of the exact partial-sum register that holds one product, sign included. */
    private static int productBits(FixedPoint a, IntegerGrid w) {
        return IntAccumulator.signedBitsFor(Math.multiplyExact(a.maxMagnitude(), w.maxMagnitude()));
    }

    // Timing: two weight bits per cycle in each lane. The dequantization overlaps the next group while the group
    // lasts at least its 11 cycles (⌈g/4⌉ · ⌈b/2⌉ >= 11: 4-bit weights from g = 21, 2-bit from g = 41); a shorter group
    // waits for the unit, so the PE takes 11 cycles per group, 11 / ⌈g/4⌉ per lane-MAC.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        return (long) Math.ceil(meanCyclesPerMac(f, t));
    }

    @Override
    public double meanCyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        int c = cycles(f.weight());
        long groupSteps = (GroupDequantizing.macsPerDequantization(t) + LANES - 1) / LANES;
        return Math.max(c, SCALE_SIGNIFICAND_BITS / (double) groupSteps);
    }

    // Activity per lane-MAC, over its ⌈b/2⌉ cycles: the activation significand times a two-bit digit (a sig×2
    // multiplier), the shift of that term into the exact partial sum (fp16 exponent span + 2·digit + E), and one
    // accumulator-wide add: the lanes' adder tree (3 adds) and the accumulate (1) make 4 adds per PE cycle, one per
    // lane; the partial-sum register is written once per PE cycle, a quarter per lane. Once per MAC: the decoder
    // looks the weight up, and the operand registers are written. Once per group of g MACs (1/g of it per MAC): the
    // dequantization, 11 shift-adds of the bit-serial scale multiply, the normalisation shift to fp32, the fp32 add
    // and output write.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        FixedPoint a = Support.exactActivation(f.activation()).orElseThrow();
        int c = cycles(f.weight());
        Activity.Builder b = Activity.builder()
                .add(Part.multiplier(a.significandBits(), BITS_PER_CYCLE), c);
        termShifter(f, a).ifPresent(shifter -> b.add(shifter, c));
        b.add(Part.adder(accBits), c)
                .add(Part.register(accBits), c / (double) LANES)
                .add(decoder(f.weight()), 1)
                .add(Part.register(f.activation().bits()), 1)
                .add(Part.register(f.weight().bits()), 1);
        GroupDequantizing.addShare(b, dequantization(f), dequantizationsPerMac(t));
        return b.build();
    }

    /**
     * The shifter that places a term in the partial sum; none when nothing ever moves: integer activations (no
     * alignment), one cycle of weight digits (int2) and plain integer weights (no exponent) leave a shift of 0.
     */
    private Optional<Part> termShifter(OperandFormats f, FixedPoint a) {
        int maxShift = a.alignShift() + BITS_PER_CYCLE * (cycles(f.weight()) - 1)
                + (tableType(f.weight()) ? MAX_WEIGHT_EXPONENT : 0);
        return maxShift < 1 ? Optional.empty() : Optional.of(Part.shifter(accBits, maxShift));
    }

    /**
     * The unified-representation decoder: for a table type, a table of sign, ⌈b/2⌉ two-bit digits and a 3-bit shift
     * per code; for an integer, the two's complement to sign-magnitude conversion (a b-bit negate).
     */
    private static Part decoder(NumberFormat w) {
        if (!tableType(w))
            return Part.adder(w.bits());
        int entryBits = 1 + BITS_PER_CYCLE * cycles(w) + 3;
        return Part.multiplexer(entryBits, w.codeCount());
    }

    // Inventory: four lanes (digit multiplier, term shifter, decoder, operand registers, one adder each: three form
    // the lanes' adder tree, one accumulates) and the partial-sum register. The dequantization unit is counted apart.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        FixedPoint a = Support.exactActivation(f.activation()).orElseThrow();
        Map<Part, Integer> counts = new LinkedHashMap<>();
        for (Part p : new Part[] {Part.multiplier(a.significandBits(), BITS_PER_CYCLE), decoder(f.weight()),
                Part.register(f.activation().bits()), Part.register(f.weight().bits()), Part.adder(accBits)})
            counts.merge(p, LANES, Integer::sum);
        termShifter(f, a).ifPresent(shifter -> counts.merge(shifter, LANES, Integer::sum));
        counts.merge(Part.register(accBits), 1, Integer::sum);
        return new Inventory(counts);
    }

    /**
     * One bit-serial dequantization: 11 shift-adds (an add and a register write each, one scale bit per cycle) into a
     * register one scale significand wider than the partial sum, then once the normalising shift to fp32, the fp32 add
     * and the output register write. Its unit ({@link #dequantizerInventory}) is one of each of these parts.
     */
    @Override
    public Activity dequantization(OperandFormats f) {
        requireSupported(f);
        int dequantBits = accBits + SCALE_SIGNIFICAND_BITS;
        return Activity.builder()
                .add(Part.adder(dequantBits), SCALE_SIGNIFICAND_BITS)
                .add(Part.register(dequantBits), SCALE_SIGNIFICAND_BITS)
                .add(Part.shifter(dequantBits, dequantBits - 1), 1)
                .add(Part.fpAdder(8, 23), 1)
                .add(Part.register(32), 1)
                .build();
    }

    /** One unit per PE, whatever the layer: an estimate, argued in the class comment. */
    @Override
    public DequantizerPlacement dequantizerPlacement(LayerTrace t) {
        return DequantizerPlacement.PER_PE;
    }

    // Arithmetic, per lane: the weight's digits least significant first, each term (activation × digit, shifted by
    // 2·j + E, negated for a negative weight) added into the partial sum with the overflow rule, one per cycle.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        int c = cycles(f.weight());
        boolean table = tableType(f.weight());
        int bits = accBits;
        Overflow mode = overflow;
        return (acc, a, w) -> {
            long m = Math.abs(w);
            int e = exponent(m, table);
            long digits = m >>> e;
            for (int j = 0; j < c; j++) {
                long d = (digits >>> (BITS_PER_CYCLE * j)) & ((1 << BITS_PER_CYCLE) - 1);
                if (d == 0)
                    continue;
                long term = (a * d) << (BITS_PER_CYCLE * j + e);
                acc = IntAccumulator.add(acc, w < 0 ? -term : term, bits, mode);
            }
            return acc;
        };
    }

    // Form of a MAC: the digit terms of one MAC all carry the sign of a·w and add up to it, so the register moves
    // by at most |a·w| during the MAC.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        return Optional.of(MacForm.IntegerSum.oneProductPerMac(accBits, overflow == Overflow.SATURATE));
    }

    /**
     * The dequantization unit: the exact product P · 2^q · s (q the partial sum's quantum), rounded to fp32, then
     * added into the fp32 output with one more rounding. BitMoD is symmetric: a non-zero zero point is refused.
     */
    @Override
    public GroupDequantizer dequantizer(OperandFormats f) {
        requireSupported(f);
        // Weights are integer grids (quantum 2^0), so the partial sum is in the activation's quantum.
        int q = Support.exactActivation(f.activation()).orElseThrow().quantumExponent();
        GroupDequantizer exact = GroupDequantizer.exactScaleThenFp32(q);
        return (out, partialSum, scale, zeroPoint, activationSum) -> {
            if (zeroPoint != 0)
                throw new IllegalArgumentException("BitMoD quantizes weights symmetrically: zero point must be 0, got "
                        + zeroPoint);
            return exact.accumulate(out, partialSum, scale, 0, activationSum);
        };
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }

    public int accumulatorBits() {
        return accBits;
    }
}
