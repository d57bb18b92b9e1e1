package org.bitsweep.pe.fpmac;

import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.PeOperands;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.Support;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A bit-parallel floating-point MAC: an ExMy multiplier feeding an accumulator adder, one MAC per cycle. Operands
 * are minifloats (fp16, bf16, fp8-e4m3, fp8-e5m2, …, either mixed); the accumulator is fp32 or fp16, chosen by
 * {@code accumulator_bits} (32 or 16), IEEE 754 binary32 or binary16 with subnormals, ±∞ and NaN.
 *
 * <p><b>Rounding.</b> The multiplier rounds the exact product into the accumulator format, the adder rounds the exact
 * sum; both to nearest, ties to even, as IEEE 754's multiply and add (two roundings). A fused unit
 * ({@code fused = true}) rounds acc + a·w once. fp16 and fp8 products are exact in fp32, so with an fp32 accumulator
 * only the add rounds; bf16 products can overflow or underflow fp32. NaN operands, ∞ × 0 and ∞ − ∞ give the
 * accumulator's quiet NaN; overflow gives ±∞.
 *
 * <p>{@link #arithmetic} works on codes: {@code mac(acc, a, w)} takes the codes of a and w and the accumulator's bit
 * pattern, and returns the new bit pattern ({@link #operands} converts values).
 */
public final class FpMacPe implements PeModel {
    public static final String ID = "fp-mac";

    private final int accBits;
    private final boolean fused;

    public FpMacPe(PeParams params) {
        this(params, false);
    }

    public FpMacPe(PeParams params, boolean fused) {
        this.accBits = params.accumulatorBits();
        this.fused = fused;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The accumulator format a width names: 16 is fp16, 32 is fp32; others name none. */
    public static Optional<FloatFormat> accumulatorFormat(int accumulatorBits) {
        return FloatFormat.accumulators().stream().filter(a -> a.bits() == accumulatorBits).findFirst();
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        return floatPairProblem(f, accBits).map(why -> Support.reason(ID, f, why, supportedFormats())).orElse("");
    }

    /** What is wrong with a pair for a floating-point PE with this accumulator width, if anything. */
    public static Optional<String> floatPairProblem(OperandFormats f, int accumulatorBits) {
        for (NumberFormat x : new NumberFormat[] {f.weight(), f.activation()})
            if (!(x instanceof MinifloatFormat m) || !m.signed() || m.mantissaBits() < 1)
                return Optional.of(x.name() + " is not a signed minifloat with a mantissa");
        if (accumulatorFormat(accumulatorBits).isEmpty())
            return Optional.of("accumulator_bits %d names no float accumulator (16: fp16, 32: fp32)"
                    .formatted(accumulatorBits));
        return Optional.empty();
    }

    @Override
    public String supportedFormats() {
        return "weights and activations: fp16, bf16, fp8-e4m3, fp8-e5m2, fp6-e3m2, fp6-e2m3, fp4-e2m1 or any signed "
                + "eXmY with a mantissa, mixed freely; accumulator: fp32 (accumulator_bits 32) or fp16 (16)";
    }

    // Timing: fully bit-parallel.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        return 1;
    }

    // Activity per MAC: one multiply (priced as an ExMy multiplier of the wider operand: its significand array sets
    // the cost), one accumulator-format add, the accumulator and operand register writes.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        FloatFormat acc = accumulator();
        return Activity.builder()
                .add(multiplier(f), 1)
                .add(Part.fpAdder(acc.exponentBits(), acc.mantissaBits()), 1)
                .add(Part.register(acc.bits()), 1)
                .add(Part.register(f.activation().bits()), 1)
                .add(Part.register(f.weight().bits()), 1)
                .build();
    }

    static Part multiplier(OperandFormats f) {
        MinifloatFormat a = (MinifloatFormat) f.activation();
        MinifloatFormat w = (MinifloatFormat) f.weight();
        return Part.fpMultiplier(Math.max(a.exponentBits(), w.exponentBits()), Math.max(a.mantissaBits(), w.mantissaBits()));
    }

    // Inventory.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        FloatFormat acc = accumulator();
        return Inventory.of(multiplier(f), Part.fpAdder(acc.exponentBits(), acc.mantissaBits()),
                Part.register(acc.bits()), Part.register(f.activation().bits()), Part.register(f.weight().bits()));
    }

    // Arithmetic on codes, exact then rounded (see the class comment). The machine's float units do the same bit
    // for bit (FloatAccumulate; Math.fma for the fused fp32 unit, when every operand value is a float) and run a
    // network in seconds instead of hours; the exact path below is the reference they are tested against.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        double[] va = FloatAccumulate.values((MinifloatFormat) f.activation());
        double[] vw = FloatAccumulate.values((MinifloatFormat) f.weight());
        if (!fused) {
            FloatAccumulate acc = FloatAccumulate.of(accumulator());
            return (sum, a, w) -> acc.add(sum, va[(int) a] * vw[(int) w]);
        }
        if (accumulator().equals(FloatFormat.FP32) && allFloats(va) && allFloats(vw)) {
            long nan = FloatFormat.FP32.quietNaN();
            return (sum, a, w) -> {
                float r = Math.fma((float) va[(int) a], (float) vw[(int) w], Float.intBitsToFloat((int) sum));
                return Float.isNaN(r) ? nan : Integer.toUnsignedLong(Float.floatToRawIntBits(r));
            };
        }
        return exactArithmetic(f);
    }

    // Form of a MAC, for the unfused fp32 unit: the plain product of the two codes' values, rounded, then added and
    // rounded. The fp16 accumulator and the fused unit run MAC by MAC.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        if (fused || !accumulator().equals(FloatFormat.FP32))
            return Optional.empty();
        double[] va = FloatAccumulate.values((MinifloatFormat) f.activation());
        double[] vw = FloatAccumulate.values((MinifloatFormat) f.weight());
        return Optional.of(new MacForm.Fp32Sum((a, w) -> va[(int) a] * vw[(int) w], true));
    }

    private static boolean allFloats(double[] values) {
        for (double v : values)
            if (!Double.isNaN(v) && (double) (float) v != v)
                return false;
        return true;
    }

    /** {@link #arithmetic} computed with exact values and one explicit rounding per step: the reference. */
    public MacArithmetic exactArithmetic(OperandFormats f) {
        requireSupported(f);
        MinifloatFormat fa = (MinifloatFormat) f.activation();
        MinifloatFormat fw = (MinifloatFormat) f.weight();
        FloatFormat acc = accumulator();
        boolean oneRounding = fused;
        return (sum, a, w) -> {
            ExtendedReal product = operand(fa, a).multiply(operand(fw, w));
            ExtendedReal s = ExtendedReal.of(acc, sum);
            if (oneRounding)
                return s.add(product).roundTo(acc);
            return s.add(ExtendedReal.of(acc, product.roundTo(acc))).roundTo(acc);
        };
    }

    /** The exact value of a code of a minifloat operand. */
    public static ExtendedReal operand(MinifloatFormat f, long code) {
        if (code < 0 || code >= f.codeCount())
            throw new IllegalArgumentException("code %d is not a %d-bit pattern of %s".formatted(code, f.bits(), f.name()));
        return ExtendedReal.ofDouble(f.decode((int) code));
    }

    @Override
    public Operands operands(OperandFormats f) {
        requireSupported(f);
        return PeOperands.floatCodes((MinifloatFormat) f.activation(), (MinifloatFormat) f.weight(), accumulator());
    }

    public FloatFormat accumulator() {
        return accumulatorFormat(accBits).orElseThrow(() -> new IllegalArgumentException(
                "accumulator_bits %d names no float accumulator (16: fp16, 32: fp32)".formatted(accBits)));
    }

    public boolean fused() {
        return fused;
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }
}
