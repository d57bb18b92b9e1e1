package org.bitsweep.pe.lmul;

import java.util.Optional;

import org.bitsweep.cost.Activity;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.pe.PeOperands;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.pe.Support;
import org.bitsweep.pe.exact.Dyadic;
import org.bitsweep.pe.exact.ExtendedReal;
import org.bitsweep.pe.exact.FloatFormat;
import org.bitsweep.pe.fpmac.FloatAccumulate;
import org.bitsweep.pe.fpmac.FpMacPe;
import org.bitsweep.workloads.arith.MacArithmetic;
import org.bitsweep.workloads.arith.MacForm;
import org.bitsweep.workloads.arith.Operands;
import org.bitsweep.workloads.format.MinifloatFormat;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * L-Mul (Luo &amp; Sun, "Addition is All You Need for Energy-efficient Language Models", arXiv 2410.00907, 2024): a
 * floating-point multiplication replaced by additions. For x = (1 + x_m) · 2^x_e and y = (1 + y_m) · 2^y_e with
 * m-bit mantissas,
 * <pre>  L-Mul(x, y) = (1 + x_m + y_m + 2^−l(m)) · 2^(x_e + y_e),  l(m) = m if m ≤ 3, 3 if m = 4, 4 if m &gt; 4,</pre>
 * with the sign the XOR of the signs (ANCHORS.md §7). It drops the term x_m · y_m of the true product and adds the
 * constant 2^−l(m) in its place. The value is computed exactly as the formula reads; in particular a mantissa sum
 * of 1 or more is kept as it is (the formula's value), not folded into the exponent.
 *
 * <p><b>What the paper leaves open, our choices.</b> Zero operands give a signed zero (no offset is added); NaN and ∞
 * follow IEEE (∞ × 0 is NaN); a subnormal operand is first written in the normalized form (1 + x_m) · 2^x_e that the
 * formula assumes, which is exact. Both operands must have the same mantissa width m, the one l(m) is taken of.
 *
 * <p>The product goes into the accumulator like {@link FpMacPe}'s: rounded into the accumulator format (exact for
 * m ≤ 10 into fp32 unless the exponent leaves fp32's range), then added and rounded, both to nearest even. Codes in,
 * accumulator bit pattern out.
 */
public final class LMulPe implements PeModel {
    public static final String ID = "lmul";

    private final int accBits;

    public LMulPe(PeParams params) {
        this.accBits = params.accumulatorBits();
    }

    @Override
    public String id() {
        return ID;
    }

    /** The paper's offset exponent: 2^−l(m) is added in place of x_m · y_m. */
    public static int l(int m) {
        if (m < 1)
            throw new IllegalArgumentException("L-Mul needs a mantissa of at least 1 bit, got " + m);
        return m <= 3 ? m : m == 4 ? 3 : 4;
    }

    @Override
    public boolean supports(OperandFormats f) {
        return unsupportedReason(f).isEmpty();
    }

    @Override
    public String unsupportedReason(OperandFormats f) {
        Optional<String> p = FpMacPe.floatPairProblem(f, accBits);
        if (p.isPresent())
            return Support.reason(ID, f, p.get(), supportedFormats());
        int ma = ((MinifloatFormat) f.activation()).mantissaBits();
        int mw = ((MinifloatFormat) f.weight()).mantissaBits();
        if (ma != mw)
            return Support.reason(ID, f, "L-Mul adds the two mantissas with one offset 2^-l(m), so both need the same "
                    + "mantissa width (got %d and %d)".formatted(mw, ma), supportedFormats());
        return "";
    }

    @Override
    public String supportedFormats() {
        return "weights and activations of the same mantissa width: fp8-e4m3, fp8-e5m2, bf16, fp16, fp6-e2m3, "
                + "fp6-e3m2, fp4-e2m1 or any signed eXmY with a mantissa; accumulator: fp32 (accumulator_bits 32) or "
                + "fp16 (16)";
    }

    /** L-Mul of two values of formats with m-bit mantissas, exactly as the paper's formula reads. */
    public static ExtendedReal lmul(ExtendedReal x, ExtendedReal y, int m) {
        if (x.kind() != ExtendedReal.Kind.FINITE || y.kind() != ExtendedReal.Kind.FINITE)
            return x.multiply(y);   // NaN, ∞ and zeros as IEEE multiplies them
        int offset = m - l(m);
        long[] xs = normalized(x.value(), m);
        long[] ys = normalized(y.value(), m);
        // (1 + x_m + y_m + 2^−l) · 2^(x_e + y_e) = (2^m + X + Y + 2^(m−l)) · 2^(x_e + y_e − m), X = x_m · 2^m.
        long sig = (1L << m) + xs[0] + ys[0] + (1L << offset);
        Dyadic v = Dyadic.of(x.negative() != y.negative() ? -sig : sig, Math.toIntExact(xs[1] + ys[1] - m));
        return ExtendedReal.of(v);
    }

    /** {X, e} with |v| = (1 + X / 2^m) · 2^e, X an integer in [0, 2^m). */
    private static long[] normalized(Dyadic v, int m) {
        int e = v.leadingBitExponent();
        // |v| / 2^e − 1 = X / 2^m  ⇒  X = |v| · 2^(m − e) − 2^m.
        Dyadic x = v.abs().scaleByPowerOfTwo(m - e).subtract(Dyadic.of(1L << m));
        return new long[] {x.longValueExact(), e};
    }

    // Timing: one L-Mul and one add per cycle.
    @Override
    public long cyclesPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        return 1;
    }

    // Activity per MAC: the L-Mul unit is two integer adders, the exponents' (E + 1 bits) and the mantissas' with the
    // offset (M + 2 bits, room for the sum up to 3), and a 2:1 normalising select of the M + 2 result bits; then the
    // accumulator-format add and the register writes, as in fp-mac.
    @Override
    public Activity activityPerMac(OperandFormats f, LayerTrace t) {
        requireSupported(f);
        FloatFormat acc = accumulator();
        Activity.Builder b = Activity.builder();
        for (Part p : lmulUnit(f))
            b.add(p, 1);
        return b.add(Part.fpAdder(acc.exponentBits(), acc.mantissaBits()), 1)
                .add(Part.register(acc.bits()), 1)
                .add(Part.register(f.activation().bits()), 1)
                .add(Part.register(f.weight().bits()), 1)
                .build();
    }

    private static Part[] lmulUnit(OperandFormats f) {
        MinifloatFormat a = (MinifloatFormat) f.activation();
        MinifloatFormat w = (MinifloatFormat) f.weight();
        int e = Math.max(a.exponentBits(), w.exponentBits());
        int m = a.mantissaBits();
        return new Part[] {Part.adder(e + 1), Part.adder(m + 2), Part.multiplexer(m + 2, 2)};
    }

    // Inventory.
    @Override
    public Inventory inventory(OperandFormats f) {
        requireSupported(f);
        FloatFormat acc = accumulator();
        Part[] unit = lmulUnit(f);
        return Inventory.of(unit[0], unit[1], unit[2], Part.fpAdder(acc.exponentBits(), acc.mantissaBits()),
                Part.register(acc.bits()), Part.register(f.activation().bits()), Part.register(f.weight().bits()));
    }

    // Arithmetic on codes: the exact L-Mul value rounded into the accumulator format, then the exact sum rounded.
    // The formula in long and double arithmetic is exact (the significand has m + 2 <= 12 bits), and the machine's
    // float units round as the exact path does (FloatAccumulate); that runs a network in seconds, not hours. The
    // exact path below is the reference it is tested against.
    @Override
    public MacArithmetic arithmetic(OperandFormats f) {
        requireSupported(f);
        return fastArithmetic((MinifloatFormat) f.activation(), (MinifloatFormat) f.weight(),
                FloatAccumulate.of(accumulator()));
    }

    private static MacArithmetic fastArithmetic(MinifloatFormat fa, MinifloatFormat fw, FloatAccumulate acc) {
        MacForm.CodeProduct product = product(fa, fw);
        return (sum, a, w) -> acc.add(sum, product.of(a, w));
    }

    /** The L-Mul value of a pair of codes, exactly, in double: the formula's significand has m + 2 <= 12 bits. */
    private static MacForm.CodeProduct product(MinifloatFormat fa, MinifloatFormat fw) {
        int m = fa.mantissaBits();
        long one = 1L << m;
        long offset = 1L << (m - l(m));
        double[] va = FloatAccumulate.values(fa);
        double[] vw = FloatAccumulate.values(fw);
        long[] xa = new long[va.length];
        int[] ea = new int[va.length];
        split(va, m, xa, ea);
        long[] xw = new long[vw.length];
        int[] ew = new int[vw.length];
        split(vw, m, xw, ew);
        return (a, w) -> {
            int i = (int) a;
            int j = (int) w;
            double x = va[i];
            double y = vw[j];
            if (x == 0 || y == 0 || !Double.isFinite(x) || !Double.isFinite(y))
                return x * y;                               // NaN, ∞ and zeros as IEEE multiplies them
            double p = Math.scalb((double) (one + xa[i] + xw[j] + offset), ea[i] + ew[j] - m);
            return (x < 0) != (y < 0) ? -p : p;
        };
    }

    // Form of a MAC into fp32: the L-Mul value, rounded, then added and rounded. An fp16 accumulator runs MAC by MAC.
    @Override
    public Optional<MacForm> macForm(OperandFormats f) {
        requireSupported(f);
        if (!accumulator().equals(FloatFormat.FP32))
            return Optional.empty();
        return Optional.of(new MacForm.Fp32Sum(product((MinifloatFormat) f.activation(), (MinifloatFormat) f.weight()),
                false));
    }

    /** X and e of {@link #normalized} for every finite non-zero value of a decode table. */
    private static void split(double[] values, int m, long[] x, int[] e) {
        for (int code = 0; code < values.length; code++) {
            double v = values[code];
            if (v == 0 || !Double.isFinite(v))
                continue;
            long[] xe = normalized(Dyadic.ofDouble(v), m);
            x[code] = xe[0];
            e[code] = Math.toIntExact(xe[1]);
        }
    }

    /** {@link #arithmetic} computed on exact values with one explicit rounding per step: the reference. */
    public MacArithmetic exactArithmetic(OperandFormats f) {
        requireSupported(f);
        MinifloatFormat fa = (MinifloatFormat) f.activation();
        MinifloatFormat fw = (MinifloatFormat) f.weight();
        int m = fa.mantissaBits();
        FloatFormat acc = accumulator();
        return (sum, a, w) -> {
            ExtendedReal product = lmul(FpMacPe.operand(fa, a), FpMacPe.operand(fw, w), m);
            return ExtendedReal.of(acc, sum).add(ExtendedReal.of(acc, product.roundTo(acc))).roundTo(acc);
        };
    }

    @Override
    public Operands operands(OperandFormats f) {
        requireSupported(f);
        return PeOperands.floatCodes((MinifloatFormat) f.activation(), (MinifloatFormat) f.weight(), accumulator());
    }

    public FloatFormat accumulator() {
        return FpMacPe.accumulatorFormat(accBits).orElseThrow(() -> new IllegalArgumentException(
                "accumulator_bits %d names no float accumulator (16: fp16, 32: fp32)".formatted(accBits)));
    }

    private void requireSupported(OperandFormats f) {
        if (!supports(f))
            throw new IllegalArgumentException(unsupportedReason(f));
    }
}
