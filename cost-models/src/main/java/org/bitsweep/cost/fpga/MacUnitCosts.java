package org.bitsweep.cost.fpga;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices integer and minifloat MAC units on an FPGA family, part by part, with the formulas of
 * {@code fpga/mac-parts.yaml}: integers by FINN-R's model (the reference), minifloats built from an exponent adder,
 * an (M+1)×(M+1) significand multiplier priced by the same integer formula, an alignment shifter and an accumulator
 * (exact fixed point, or a float adder with normalization and rounding). A unit has {@code lanes} multipliers
 * feeding one adder tree and one accumulator; each part is its own pipeline stage.
 */
public final class MacUnitCosts {
    private MacUnitCosts() {
    }

    /** An integer MAC unit with an accumulator of {@code accumulatorBits}. */
    public static MacUnitCost integer(IntOperand weight, IntOperand activation, int accumulatorBits, int lanes,
                                      MultiplierStyle style, FpgaFamily family) {
        checkLanes(lanes);
        int w = weight.bits();
        int a = activation.bits();
        int product = w + a;
        if (accumulatorBits < product)
            throw new IllegalArgumentException("a %d-bit accumulator cannot hold one %d × %d-bit product"
                    .formatted(accumulatorBits, w, a));
        List<MacPart> parts = new ArrayList<>();
        List<MacUnitCost.Register> registers = new ArrayList<>();
        List<MacUnitCost.Stage> stages = new ArrayList<>();

        parts.add(multiplier("multiplier", w, a, lanes, style, family));
        parts.add(MacPart.luts("adder-tree", FinnModel.adderTreeLuts(product, lanes)));
        parts.add(MacPart.luts("accumulator", accumulatorBits));

        registers.add(new MacUnitCost.Register("operands", (long) lanes * product));
        registers.add(new MacUnitCost.Register("products", (long) lanes * product));
        addTree(registers, stages, product, lanes);
        registers.add(new MacUnitCost.Register("accumulator", accumulatorBits));

        if (style == MultiplierStyle.LUT)
            stages.add(lutMultiplierStage("multiply", w, a));
        stages.add(new MacUnitCost.Stage("accumulate", 1, accumulatorBits));
        return new MacUnitCost(lanes, parts, registers, stages, FinnModel.lutFactor(), family);
    }

    /** A minifloat MAC unit whose products are aligned into a fixed-point or rounded into a float accumulator. */
    public static MacUnitCost minifloat(FloatOperand weight, FloatOperand activation, Accumulation accumulation,
                                        int lanes, MultiplierStyle style, FpgaFamily family) {
        checkLanes(lanes);
        int sw = weight.significandBits();
        int sa = activation.significandBits();
        int exponentSum = Math.max(weight.exponentBits(), activation.exponentBits()) + 1;
        int lut = FinnModel.lutInputs();
        List<MacPart> parts = new ArrayList<>();
        List<MacUnitCost.Register> registers = new ArrayList<>();
        List<MacUnitCost.Stage> stages = new ArrayList<>();

        // The product: sign, leading bits, exponent sum and significand product, side by side in one stage.
        parts.add(MacPart.luts("sign", weight.signed() && activation.signed() ? lanes : 0));
        parts.add(MacPart.luts("hidden-bit", lanes * (double) (ceilDiv(weight.exponentBits(), lut)
                + ceilDiv(activation.exponentBits(), lut))));
        parts.add(MacPart.luts("exponent-adder", (double) lanes * exponentSum));
        parts.add(multiplier("significand-multiplier", sw, sa, lanes, style, family));
        registers.add(new MacUnitCost.Register("operands", (long) lanes * (weight.bits() + activation.bits())));
        int productBits = 1 + exponentSum + sw + sa;
        registers.add(new MacUnitCost.Register("products", (long) lanes * productBits));
        MacUnitCost.Stage exponentStage = new MacUnitCost.Stage("multiply", 1, exponentSum);
        stages.add(style == MultiplierStyle.LUT ? slower(lutMultiplierStage("multiply", sw, sa), exponentStage, family)
                : exponentStage);

        if (accumulation instanceof Accumulation.Fixed fixed) {
            int span = weight.exponentSpan() + activation.exponentSpan();
            int aligned = sw + sa + span;
            int shiftLevels = span == 0 ? 0 : ceilDiv(ceilLog2(span + 1), 2);
            parts.add(MacPart.luts("alignment-shifter", (double) lanes * aligned * shiftLevels));
            parts.add(MacPart.luts("aligned-adder-tree", FinnModel.adderTreeLuts(aligned + 1, lanes)));
            parts.add(MacPart.luts("accumulator", fixed.bits()));
            if (shiftLevels > 0) {
                registers.add(new MacUnitCost.Register("aligned products", (long) lanes * (aligned + 1)));
                stages.add(new MacUnitCost.Stage("align", shiftLevels, 0));
            }
            addTree(registers, stages, aligned + 1, lanes);
            registers.add(new MacUnitCost.Register("accumulator", fixed.bits()));
            stages.add(new MacUnitCost.Stage("accumulate", 1, fixed.bits()));
        } else if (accumulation instanceof Accumulation.Floating f) {
            if (lanes != 1)
                throw new IllegalArgumentException("a rounding float accumulator adds one product per cycle; lanes "
                        + "must be 1, got " + lanes);
            int e = f.exponentBits();
            int m = f.mantissaBits();
            int g = Math.max(m + 1, sw + sa) + 3;
            int shift = ceilDiv(ceilLog2(g), 2);
            parts.add(MacPart.luts("exponent-difference", Math.max(e, exponentSum) + 1));
            parts.add(MacPart.luts("swap", g));
            parts.add(MacPart.luts("float-alignment-shifter", (double) g * shift));
            parts.add(MacPart.luts("sticky", ceilDiv(g, lut)));
            parts.add(MacPart.luts("significand-adder", g + 1));
            parts.add(MacPart.luts("leading-zero-counter", g));
            parts.add(MacPart.luts("normalization-shifter", (double) g * shift));
            parts.add(MacPart.luts("rounding", m + 2));
            parts.add(MacPart.luts("exponent-adjust", e + 1));
            registers.add(new MacUnitCost.Register("accumulator", f.bits()));
            // The accumulator feeds its own adder, so the whole float addition closes in one cycle: compare and
            // swap, align, add, count leading zeros, normalize, round.
            int levels = 2 + shift + 1 + (shift + 1) + shift + 1;
            stages.add(new MacUnitCost.Stage("float-accumulate", levels, (Math.max(e, exponentSum) + 1) + (g + 1)
                    + (m + 2)));
        } else {
            throw new IllegalArgumentException("unknown accumulation " + accumulation);
        }
        return new MacUnitCost(lanes, parts, registers, stages, FinnModel.lutFactor(), family);
    }

    /** A multiplier of {@code w × a} bits per lane: FINN's LUT formula, or the family's DSP packing. */
    private static MacPart multiplier(String id, int w, int a, int lanes, MultiplierStyle style, FpgaFamily family) {
        if (style == MultiplierStyle.LUT)
            return MacPart.luts(id, lanes * FinnModel.multiplierLuts(w, a));
        DspPacking.Row row = family.packing().rowFor(w, a);
        if (row == null)
            throw new IllegalArgumentException("a %d × %d-bit product does not fit one %s (widest: %s)".formatted(w, a,
                    family.dspSlice(), family.packing().widest()));
        return MacPart.of(id, 0, (double) lanes / row.productsPerDsp());
    }

    /**
     * A LUT multiplier's stage: partial products two activation bits per LUT row (a LUT6 sees two bits of each
     * operand and the carry-in), then a tree of ⌈log2 rows⌉ adders, each a LUT level and a carry chain of the
     * product's width.
     */
    private static MacUnitCost.Stage lutMultiplierStage(String name, int w, int a) {
        int rows = ceilDiv(Math.min(w, a), 2);
        int depth = ceilLog2(rows);
        return new MacUnitCost.Stage(name, 1 + depth, depth * (w + a));
    }

    /** The adder tree over the lanes, one register per level (none for one lane). */
    private static void addTree(List<MacUnitCost.Register> registers, List<MacUnitCost.Stage> stages, int bits,
                                int lanes) {
        int levels = ceilLog2(lanes);
        for (int level = 1; level <= levels; level++) {
            long sums = ceilDiv(lanes, 1 << level);
            registers.add(new MacUnitCost.Register("adder tree level " + level, sums * (bits + level)));
        }
        if (levels > 0)
            stages.add(new MacUnitCost.Stage("adder-tree level", 1, bits + levels));
    }

    private static MacUnitCost.Stage slower(MacUnitCost.Stage x, MacUnitCost.Stage y, FpgaFamily f) {
        return x.delayNs(f) >= y.delayNs(f) ? x : y;
    }

    private static void checkLanes(int lanes) {
        if (lanes < 1 || lanes > 4096)
            throw new IllegalArgumentException("lanes must be in [1, 4096], got " + lanes);
    }

    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    static int ceilLog2(int n) {
        return AccumulatorWidths.ceilLog2(n);
    }
}
