package org.bitsweep.cost;

import java.util.Objects;

/**
 * One piece of hardware, counted but not priced. Its size is what the component's table interpolates on (see
 * {@link SizeMeasure}): width in bits for adders and registers, the product of the operand widths for multipliers,
 * 2:1 multiplexer cells for shifters and multiplexers, the significand width (or its square) for floating-point units,
 * capacity in bytes for SRAM, bits per access for DRAM.
 *
 * @param accessBits for SRAM accesses, the bits one access moves; 0 means the table's own access width (64), and
 *                   is the only value for every other component
 * @param label      how the part prints, e.g. {@code fp-multiplier(E4M3)}; two parts of the same size but different
 *                   shape (E4M3 and E5M3 multiply the same significands) are priced alike and counted apart
 */
public record Part(Component component, long size, int accessBits, String label) {
    // Labels are concatenated, not String.formatted: a sweep builds every PE's parts per point, and Formatter was
    // most of an evaluation's time in ThroughputBenchmark.
    public Part {
        Objects.requireNonNull(component, "component");
        if (size < 1)
            throw new IllegalArgumentException("%s size must be >= 1, got %d".formatted(component.id(), size));
        if (accessBits < 0)
            throw new IllegalArgumentException("%s access bits must be >= 0, got %d".formatted(component.id(), accessBits));
        if (label == null || label.isBlank())
            throw new IllegalArgumentException("a part needs a label");
    }

    /** A part known only by its table size. */
    public Part(Component component, long size) {
        this(component, size, 0, component.id() + "(" + size + ")");
    }

    /** A {@code widthBits}-bit integer adder. */
    public static Part adder(int widthBits) {
        return new Part(Component.INT_ADDER, widthBits, 0, "int-adder(" + widthBits + "b)");
    }

    /** An {@code aBits × bBits} integer multiplier. */
    public static Part multiplier(int aBits, int bBits) {
        return new Part(Component.INT_MULTIPLIER, (long) aBits * bBits, 0, "int-multiplier(" + aBits + "x" + bBits + ")");
    }

    /** A {@code widthBits}-bit register; one operation is one write of all its bits. */
    public static Part register(int widthBits) {
        return new Part(Component.REGISTER, widthBits, 0, "register(" + widthBits + "b)");
    }

    /** A logarithmic barrel shifter of {@code widthBits} bits whose shift amount runs 0..maxShift. */
    public static Part shifter(int widthBits, int maxShift) {
        return new Part(Component.SHIFTER, SizeMeasure.barrelCells(widthBits, maxShift), 0,
                "shifter(" + widthBits + "b, 0.." + maxShift + ")");
    }

    /** A barrel shifter that can shift by any amount up to its width minus one. */
    public static Part shifter(int widthBits) {
        return shifter(widthBits, widthBits - 1);
    }

    /** An {@code inputs}:1 multiplexer of {@code widthBits}-bit words. */
    public static Part multiplexer(int widthBits, int inputs) {
        return new Part(Component.MULTIPLEXER, SizeMeasure.treeCells(widthBits, inputs), 0,
                "multiplexer(" + inputs + ":1 x " + widthBits + "b)");
    }

    /** A floating-point adder for ExMy operands (exponent bits E, explicit mantissa bits M). */
    public static Part fpAdder(int exponentBits, int mantissaBits) {
        return new Part(Component.FP_ADDER, SizeMeasure.significandBits(exponentBits, mantissaBits), 0,
                "fp-adder(E" + exponentBits + "M" + mantissaBits + ")");
    }

    /** A floating-point multiplier for ExMy operands (exponent bits E, explicit mantissa bits M). */
    public static Part fpMultiplier(int exponentBits, int mantissaBits) {
        return new Part(Component.FP_MULTIPLIER, SizeMeasure.significandProduct(exponentBits, mantissaBits), 0,
                "fp-multiplier(E" + exponentBits + "M" + mantissaBits + ")");
    }

    /** One read of {@link AsicCostModel#sramAccessBits()} bits from an SRAM of this capacity. */
    public static Part sramRead(long capacityBytes) {
        return new Part(Component.SRAM_READ, capacityBytes, 0, "sram-read(" + capacityBytes + "B)");
    }

    /** One read of {@code widthBits} bits from an SRAM of this capacity. */
    public static Part sramRead(long capacityBytes, int widthBits) {
        return new Part(Component.SRAM_READ, capacityBytes, positiveWidth(widthBits),
                "sram-read(" + capacityBytes + "B, " + widthBits + "b)");
    }

    /** One write of {@link AsicCostModel#sramAccessBits()} bits into an SRAM of this capacity. */
    public static Part sramWrite(long capacityBytes) {
        return new Part(Component.SRAM_WRITE, capacityBytes, 0, "sram-write(" + capacityBytes + "B)");
    }

    /** One write of {@code widthBits} bits into an SRAM of this capacity. */
    public static Part sramWrite(long capacityBytes, int widthBits) {
        return new Part(Component.SRAM_WRITE, capacityBytes, positiveWidth(widthBits),
                "sram-write(" + capacityBytes + "B, " + widthBits + "b)");
    }

    /** One DRAM access moving {@code bits} bits (read or write; the table does not tell them apart). */
    public static Part dramAccess(int bits) {
        return new Part(Component.DRAM, bits, 0, "dram(" + bits + "b)");
    }

    private static int positiveWidth(int widthBits) {
        if (widthBits < 1)
            throw new IllegalArgumentException("access width must be >= 1 bit, got " + widthBits);
        return widthBits;
    }

    @Override
    public String toString() {
        return label;
    }
}
