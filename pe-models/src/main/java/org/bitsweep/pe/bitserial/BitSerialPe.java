package org.bitsweep.pe.bitserial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.IntAccumulator;
import org.bitsweep.pe.OperandStatistics;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.trace.CodeStatistics;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A bit-serial inner-product unit: one operand in parallel, the other one bit per cycle, {@code lanes} lanes of one
 * output summed by an adder tree into one accumulator. Two designs:
 * <ul>
 *   <li><b>Stripes</b> (Judd et al., MICRO 2016): the activation's bits stream in, one per cycle, each ANDed with the
 *       parallel weight; a serial inner-product unit (SIP) sums 16 lanes' terms by an adder tree and adds the shifted
 *       sum into its accumulator, so a b-bit activation takes b cycles whatever its value. In two's complement the
 *       top bit is worth −2^(b−1), so the last term is subtracted.</li>
 *   <li><b>Bit-Pragmatic</b> (Albericio et al., MICRO 2017): only the activation's non-zero bits ("essential bits",
 *       one-offsets) stream in; each lane shifts its weight by the offset, and the unit's 16 lanes (a brick of 16
 *       activations) step together, so a brick takes as long as its slowest member, and at least one cycle. Signed
 *       values stream the one-bits of their magnitude and subtract each term (our choice: the paper's activations
 *       are unsigned, after ReLU).</li>
 * </ul>
 * Either can serialize the weight instead (as BitMoD does); {@link Serial} says which operand streams. The
 * arithmetic is per MAC, each lane's terms added in order; the tree only regroups the same sum.
 */
public final class BitSerialPe implements PeModel {
    public static final String ID = "bit-serial";
    public static final String PRAGMATIC_ID = "bit-pragmatic";
    /**
     * Lanes of one inner-product unit: Stripes' SIP takes 16 activation bits and 16 weights per cycle (Judd et al.,
     * MICRO 2016), and Bit-Pragmatic broadcasts activations in bricks of 16 that advance together (Albericio et al.,
     * MICRO 2017).
     */
    public static final int UNIT_LANES = 16;

    /** Which operand streams bit by bit. */
    public enum Serial { ACTIVATION, WEIGHT }

    private final int accBits;
    private final Overflow overflow;
    private final Serial serial;
    private final boolean essentialBitsOnly;
    private final int lanes;
    private final OperandStatistics statistics;

    /**
     * @param essentialBitsOnly Bit-Pragmatic's skipping of zero bits
     * @param lanes             lanes of one output side by side, summed by an adder tree; their serial operands
     *                          step together (1: a lone serial MAC)
     */
    public BitSerialPe(PeParams params, Serial serial, boolean essentialBitsOnly, int lanes) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
        this.statistics = params.statistics();
        this.serial = Objects.requireNonNull(serial, "serial");
        this.essentialBitsOnly = essentialBitsOnly;
        if (lanes < 1)
            throw new IllegalArgumentException("lanes must be >= 1, got " + lanes);
        this.lanes = lanes;
    }

    /** Stripes: activations serial, every bit, a 16-lane SIP. */
    public static BitSerialPe stripes(PeParams params) {
        return new BitSerialPe(params, Serial.ACTIVATION, false, UNIT_LANES);
    }

    /** Bit-Pragmatic: activations serial, essential bits only, bricks of 16 lanes. */
    public static BitSerialPe pragmatic(PeParams params) {
        return new BitSerialPe(params, Serial.ACTIVATION, true, UNIT_LANES);
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public String id() {
        return essentialBitsOnly ? PRAGMATIC_ID : ID;
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        if (!f.bothIntegers())
            return "%s cannot run %s: a bit-serial PE needs integer weights and activations; it runs %s"
                    .formatted(id(), f, supportedFormats());
        int needed = productBits(f);
        if (needed > accBits)
            return "%s cannot run %s: a product needs %d bits, more than the %d-bit accumulator; it runs %s"
                    .formatted(id(), f, needed, accBits, supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights and activations int2..int16 or uint2..uint16 whose full product fits the %d-bit accumulator"
                .formatted(accBits);
    }

    // Timing, per lane-MAC. Stripes: the serial operand's width. Pragmatic: the expected number of one-bits of the
    // slowest of the unit's lanes, at least 1, from the serial operand's code histogram (the layer's, else the one
    // given with the PE's knobs); without one, the worst case.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        if (!essentialBitsOnly)
            return serialFormat(f).bits();
        return (long) Math.ceil(meanCyclesPerMac(f, t) - 1e-12);
    }

    @Override
    public double meanCyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        if (!essentialBitsOnly)
            return serialFormat(f).bits();
        return expectedSlowestOf(termDistribution(f, t), lanes);
    }

    /** The mean cycles for an explicit histogram of the serial operand (per-layer statistics). */
    public double meanCyclesPerMac(CodeStatistics serialCodes) {
        if (!essentialBitsOnly)
            return serialCodes.format().bits();
        return expectedSlowestOf(termDistribution(serialCodes), lanes);
    }

    /**
     * E[max(1, T_1, …, T_n)] for n independent draws from the distribution p of essential-bit counts:
     * Σ_{k≥1} P(max ≥ k) = 1 + Σ_{k≥2} (1 − F(k−1)^n), with F the cumulative distribution.
     */
    static double expectedSlowestOf(double[] p, int n) {
        double expected = 1;
        double cumulative = p[0];
        for (int k = 2; k < p.length + 1; k++) {
            cumulative += p[k - 1];
            expected += 1 - Math.pow(Math.min(1, cumulative), n);
        }
        return expected;
    }

    /**
     * The distribution of essential bits of the serial operand: the layer's histogram (measured activations, the
     * trace's weight codes), else the params', or all mass on the worst case.
     */
    private double[] termDistribution(OperandFormats f, LayerTrace t) {
        IntFormat s = serialFormat(f);
        Optional<CodeStatistics> layer = t == null ? Optional.empty()
                : serial == Serial.ACTIVATION ? t.activationCodeStatistics() : t.statistics();
        Optional<CodeStatistics> h = layer.filter(c -> c.format().equals(s)).or(() ->
                serial == Serial.ACTIVATION ? statistics.activations() : statistics.weights());
        if (h.isPresent() && h.get().format().equals(s))
            return termDistribution(h.get());
        double[] p = new double[s.bits() + 1];
        int worst = 0;
        for (int code = 0; code < s.codeCount(); code++)
            worst = Math.max(worst, essentialBits(s.decodeInt(code)));
        p[worst] = 1;
        return p;
    }

    private static double[] termDistribution(CodeStatistics h) {
        if (!(h.format() instanceof IntFormat s))
            throw new IllegalArgumentException("essential bits need an integer format, got " + h.format().name());
        double[] p = new double[s.bits() + 1];
        double total = h.count();
        long[] counts = h.histogram();
        for (int code = 0; code < s.codeCount(); code++)
            p[essentialBits(s.decodeInt(code))] += counts[code] / total;
        return p;
    }

    /** The one-bits of |v|: the terms Bit-Pragmatic streams for v. −8 in int4 has one (8 = 0b1000). */
    public static int essentialBits(long v) {
        return Long.bitCount(Math.abs(v));
    }

    // Activity per lane-MAC. Per lane, Stripes, every cycle: a bit select from the serial register and an AND row of
    // the parallel operand, which passes it or 0 (priced as a p-bit 2:1 multiplexer, one gate per bit, as shift-add
    // prices its ternary select; an array multiplier's p×1 cells would count a full adder per bit that the tree
    // already counts); Pragmatic, per term: the
    // one-offset encoder (a b:1 multiplexer of offsets) and a shift of the parallel operand by the offset, so per-lane
    // energy follows the mean term count, not the brick's slowest. Per unit cycle (shared by the lanes, so 1/lanes of
    // it per lane-MAC): the adder tree, Stripes' shift of the tree's sum into place, the accumulator add and write;
    // the unit is clocked for the slowest lane's terms. Per MAC, both write each operand register once.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        int s = serialFormat(f).bits();
        int p = parallelFormat(f).bits();
        Activity.Builder a = Activity.builder();
        double unitCycles;
        if (essentialBitsOnly) {
            double[] terms = termDistribution(f, t);
            double perLane = meanTerms(terms);
            a.add(offsetEncoder(s), perLane).add(Part.shifter(productBits(f), s - 1), perLane);
            unitCycles = expectedSlowestOf(terms, lanes);
        } else {
            a.add(Part.multiplexer(1, s), s).add(andRow(p), s);
            unitCycles = s;
        }
        double shared = unitCycles / lanes;
        int term = termBits(f);
        treeAdders(term, lanes).forEach((adder, count) -> a.add(adder, count * shared));
        if (!essentialBitsOnly)
            a.add(Part.shifter(treeSumBits(term, lanes), s - 1), shared);
        return a.add(Part.adder(accBits), shared)
                .add(Part.register(accBits), shared)
                .add(Part.register(p), 1)
                .add(Part.register(s), 1)
                .build();
    }

    private static double meanTerms(double[] p) {
        double mean = 0;
        for (int k = 0; k < p.length; k++)
            mean += k * p[k];
        return mean;
    }

    /** Picks the offset of the next one-bit: a b:1 multiplexer of ⌈log2 b⌉-bit offsets (a priority encoder). */
    private static Part offsetEncoder(int serialBits) {
        int offsetBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(serialBits - 1));
        return Part.multiplexer(offsetBits, serialBits);
    }

    /** The parallel operand ANDed with one serial bit: it or 0, a p-bit 2:1 select. */
    private static Part andRow(int parallelBits) {
        return Part.multiplexer(parallelBits, 2);
    }

    /** Bits of one lane's term entering the tree: the parallel operand (Stripes) or it shifted into place (Pragmatic). */
    private int termBits(OperandFormats f) {
        return essentialBitsOnly ? productBits(f) : parallelFormat(f).bits();
    }

    /**
     * A binary adder tree over {@code inputs} terms of {@code termBits}: each level halves the terms (an odd one passes
     * on) and its adders are one bit wider than their inputs, so 16 terms take 8 + 4 + 2 + 1 = 15 adders of
     * termBits + 1 … termBits + 4 bits.
     */
    static Map<Part, Integer> treeAdders(int termBits, int inputs) {
        Map<Part, Integer> adders = new LinkedHashMap<>();
        int width = termBits;
        for (int n = inputs; n > 1; n = (n + 1) / 2) {
            width++;
            adders.merge(Part.adder(width), n / 2, Integer::sum);
        }
        return adders;
    }

    /** Bits of the tree's sum: one more per level. */
    static int treeSumBits(int termBits, int inputs) {
        int width = termBits;
        for (int n = inputs; n > 1; n = (n + 1) / 2)
            width++;
        return width;
    }

    // Inventory: per lane the select (bit select or offset encoder), the AND row (Stripes) or offset shifter
    // (Pragmatic) and the two operand registers; per unit the adder tree, Stripes' shifter of the tree's sum, the
    // accumulator adder and register.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        int s = serialFormat(f).bits();
        int p = parallelFormat(f).bits();
        Map<Part, Integer> counts = new LinkedHashMap<>();
        Part[] perLane = essentialBitsOnly
                ? new Part[] {offsetEncoder(s), Part.shifter(productBits(f), s - 1), Part.register(p), Part.register(s)}
                : new Part[] {Part.multiplexer(1, s), andRow(p), Part.register(p), Part.register(s)};
        for (Part part : perLane)
            counts.merge(part, lanes, Integer::sum);
        int term = termBits(f);
        treeAdders(term, lanes).forEach((adder, count) -> counts.merge(adder, count, Integer::sum));
        if (!essentialBitsOnly)
            counts.merge(Part.shifter(treeSumBits(term, lanes), s - 1), 1, Integer::sum);
        counts.merge(Part.adder(accBits), 1, Integer::sum);
        counts.merge(Part.register(accBits), 1, Integer::sum);
        return new Inventory(counts);
    }

    // Arithmetic: one term per cycle, least significant first, each added into the accumulator with its overflow
    // rule (so a saturating accumulator saturates per term, as the register does).
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        IntFormat s = serialFormat(f);
        int bits = s.bits();
        boolean signed = s.signed();
        boolean activationSerial = serial == Serial.ACTIVATION;
        int acc = accBits;
        Overflow mode = overflow;
        if (essentialBitsOnly) {
            return (sum, a, w) -> {
                long sv = activationSerial ? a : w;
                long pv = activationSerial ? w : a;
                long magnitude = Math.abs(sv);
                for (int i = 0; magnitude >>> i != 0; i++)
                    if (((magnitude >>> i) & 1) != 0)
                        sum = IntAccumulator.add(sum, sv < 0 ? -(pv << i) : pv << i, acc, mode);
                return sum;
            };
        }
        return (sum, a, w) -> {
            long sv = activationSerial ? a : w;
            long pv = activationSerial ? w : a;
            for (int i = 0; i < bits; i++)
                if (((sv >>> i) & 1) != 0)
                    sum = IntAccumulator.add(sum, signed && i == bits - 1 ? -(pv << i) : pv << i, acc, mode);
            return sum;
        };
    }

    // Form of a MAC: the terms add up to a·w, but in two's complement the top bit's term has the other sign, so the
    // register can move by the sum of the terms' magnitudes: |parallel| times the serial operand's bit pattern (its
    // magnitude when only essential bits are taken).
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        int bits = serialFormat(f).bits();
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        boolean activationSerial = serial == Serial.ACTIVATION;
        boolean essential = essentialBitsOnly;
        return Optional.of(new MacForm.IntegerSum(accBits, overflow == Overflow.SATURATE, (a, w) -> {
            long sv = activationSerial ? a : w;
            long pv = activationSerial ? w : a;
            return Math.abs(pv) * (essential ? Math.abs(sv) : sv & mask);
        }));
    }

    /** Bits of the largest product, sign included: the shifted operand's width and the accumulator's minimum. */
    private static int productBits(OperandFormats f) {
        IntFormat w = (IntFormat) f.weight();
        IntFormat a = (IntFormat) f.activation();
        long maxW = Math.max(-w.minInt(), w.maxInt());
        long maxA = Math.max(-a.minInt(), a.maxInt());
        return IntAccumulator.signedBitsFor(maxW * maxA);
    }

    private IntFormat serialFormat(OperandFormats f) {
        return (IntFormat) (serial == Serial.ACTIVATION ? f.activation() : f.weight());
    }

    private IntFormat parallelFormat(OperandFormats f) {
        return (IntFormat) (serial == Serial.ACTIVATION ? f.weight() : f.activation());
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }

    public Serial serial() {
        return serial;
    }

    public int accumulatorBits() {
        return accBits;
    }
}
