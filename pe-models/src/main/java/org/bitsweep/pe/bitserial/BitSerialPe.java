package org.bitsweep.pe.bitserial;

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
 * A bit-serial MAC: one operand in parallel, the other one bit per cycle. Two designs:
 * <ul>
 *   <li><b>Stripes</b> (Judd et al., MICRO 2016): the activation's bits stream in, one per cycle, each ANDed with the
 *       parallel weight, shifted to its place and added; a b-bit activation takes b cycles whatever its value. In two's
 *       complement the top bit is worth −2^(b−1), so the last term is subtracted.</li>
 *   <li><b>Bit-Pragmatic</b> (Albericio et al., MICRO 2017): only the activation's non-zero bits ("essential bits",
 *       one-offsets) stream in, so a value takes as many cycles as it has one-bits. Activations are broadcast in
 *       bricks of 16 that step together, so a brick takes as long as its slowest member, and at least one cycle.
 *       Signed values stream the one-bits of their magnitude and subtract each term (our choice: the paper's
 *       activations are unsigned, after ReLU).</li>
 * </ul>
 * Either can serialize the weight instead (as BitMoD does); {@link Serial} says which operand streams.
 */
public final class BitSerialPe implements PeModel {
    public static final String ID = "bit-serial";
    public static final String PRAGMATIC_ID = "bit-pragmatic";
    /** Bit-Pragmatic broadcasts activations in bricks of 16 that advance together (Albericio et al., MICRO 2017). */
    public static final int PRAGMATIC_BRICK = 16;

    /** Which operand streams bit by bit. */
    public enum Serial { ACTIVATION, WEIGHT }

    private final int accBits;
    private final Overflow overflow;
    private final Serial serial;
    private final boolean essentialBitsOnly;
    private final int syncLanes;
    private final OperandStatistics statistics;

    /**
     * @param essentialBitsOnly Bit-Pragmatic's skipping of zero bits
     * @param syncLanes         lanes whose serial operands step together (1: each lane on its own)
     */
    public BitSerialPe(PeParams params, Serial serial, boolean essentialBitsOnly, int syncLanes) {
        this.accBits = params.accumulatorBits();
        this.overflow = params.overflow();
        this.statistics = params.statistics();
        this.serial = Objects.requireNonNull(serial, "serial");
        this.essentialBitsOnly = essentialBitsOnly;
        if (syncLanes < 1)
            throw new IllegalArgumentException("sync lanes must be >= 1, got " + syncLanes);
        this.syncLanes = syncLanes;
    }

    /** Stripes: activations serial, every bit. */
    public static BitSerialPe stripes(PeParams params) {
        return new BitSerialPe(params, Serial.ACTIVATION, false, 1);
    }

    /** Bit-Pragmatic: activations serial, essential bits only, bricks of 16. */
    public static BitSerialPe pragmatic(PeParams params) {
        return new BitSerialPe(params, Serial.ACTIVATION, true, PRAGMATIC_BRICK);
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

    // Timing. Stripes: the serial operand's width. Pragmatic: the expected number of one-bits of the slowest of
    // syncLanes serial values, at least 1, from the serial operand's code histogram (the layer's, else the one given
    // with the PE's params); without one, the worst case.
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
        return expectedSlowestOf(termDistribution(f, t), syncLanes);
    }

    /** The mean cycles for an explicit histogram of the serial operand (per-layer statistics). */
    public double meanCyclesPerMac(CodeStatistics serialCodes) {
        if (!essentialBitsOnly)
            return serialCodes.format().bits();
        return expectedSlowestOf(termDistribution(serialCodes), syncLanes);
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

    // Activity per MAC. Stripes, per cycle: a bit select from the serial register, an AND row of the parallel
    // operand's width (priced as a p×1 multiplier: one partial-product cell per bit), a shift into place, an
    // accumulator add and write. Pragmatic, per term: the one-offset encoder (a b:1 multiplexer of offsets), the
    // shift, the add (or subtract) and write; energy follows the mean term count, not the slowest lane's. Per MAC,
    // both write each operand register once.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        int s = serialFormat(f).bits();
        int p = parallelFormat(f).bits();
        double steps = essentialBitsOnly ? meanTerms(termDistribution(f, t)) : s;
        Activity.Builder a = Activity.builder();
        if (essentialBitsOnly)
            a.add(offsetEncoder(s), steps);
        else
            a.add(Part.multiplexer(1, s), steps).add(Part.multiplier(p, 1), steps);
        return a.add(Part.shifter(productBits(f), s - 1), steps)
                .add(Part.adder(accBits), steps)
                .add(Part.register(accBits), steps)
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

    // Inventory.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        int s = serialFormat(f).bits();
        int p = parallelFormat(f).bits();
        Part select = essentialBitsOnly ? offsetEncoder(s) : Part.multiplexer(1, s);
        Part shifter = Part.shifter(productBits(f), s - 1);
        if (essentialBitsOnly)
            return Inventory.of(select, shifter, Part.adder(accBits), Part.register(accBits), Part.register(p),
                    Part.register(s));
        return Inventory.of(select, Part.multiplier(p, 1), shifter, Part.adder(accBits), Part.register(accBits),
                Part.register(p), Part.register(s));
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
