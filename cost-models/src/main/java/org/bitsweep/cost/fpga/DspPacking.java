package org.bitsweep.cost.fpga;

import java.util.List;

/**
 * How many products of narrow operands one DSP slice computes at once, as the vendor's white papers and FINN's RTL
 * kernels pack them (families.yaml): four 4-bit products in a DSP48E2, two 8-bit ones, one up to 27 × 18.
 *
 * @param rows tried in order; the first that holds the operand pair, in either orientation, applies
 */
public record DspPacking(List<Row> rows) {
    public DspPacking {
        rows = List.copyOf(rows);
        if (rows.isEmpty())
            throw new IllegalArgumentException("a DSP packing needs at least one row");
    }

    /**
     * @param basis the row's {@code source:} text
     */
    public record Row(int maxWeightBits, int maxActivationBits, int productsPerDsp, String basis) {
        public Row {
            if (maxWeightBits < 1 || maxActivationBits < 1 || productsPerDsp < 1)
                throw new IllegalArgumentException("packing row %d × %d → %d".formatted(maxWeightBits,
                        maxActivationBits, productsPerDsp));
        }

        boolean holds(int weightBits, int activationBits) {
            return weightBits <= maxWeightBits && activationBits <= maxActivationBits
                    || activationBits <= maxWeightBits && weightBits <= maxActivationBits;
        }
    }

    /** The first row that holds a {@code weightBits × activationBits} product, or null when none does. */
    public Row rowFor(int weightBits, int activationBits) {
        if (weightBits < 1 || activationBits < 1)
            throw new IllegalArgumentException("operand widths must be >= 1, got %d × %d".formatted(weightBits,
                    activationBits));
        return rows.stream().filter(r -> r.holds(weightBits, activationBits)).findFirst().orElse(null);
    }

    /** The widest product one DSP computes, for messages. */
    public String widest() {
        Row last = rows.get(rows.size() - 1);
        return last.maxWeightBits() + " × " + last.maxActivationBits();
    }
}
