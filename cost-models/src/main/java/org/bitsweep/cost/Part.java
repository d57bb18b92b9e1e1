package org.bitsweep.cost;

/**
 * One piece of hardware, counted but not priced. Its size is what the component's table interpolates on: width in
 * bits for adders and registers, the product of the operand widths for multipliers, capacity in bytes for SRAM.
 */
public record Part(Component component, long size) {
    public Part {
        if (size < 1)
            throw new IllegalArgumentException("%s size must be >= 1, got %d".formatted(component.id(), size));
    }

    public static Part adder(int widthBits) {
        return new Part(Component.INT_ADDER, widthBits);
    }

    /** An {@code aBits × bBits} integer multiplier. */
    public static Part multiplier(int aBits, int bBits) {
        return new Part(Component.INT_MULTIPLIER, (long) aBits * bBits);
    }

    public static Part register(int widthBits) {
        return new Part(Component.REGISTER, widthBits);
    }

    /** One read of {@link AsicCostModel#sramAccessBits()} bits from an SRAM of this capacity. */
    public static Part sramRead(long capacityBytes) {
        return new Part(Component.SRAM_READ, capacityBytes);
    }

    @Override
    public String toString() {
        return component.id() + "(" + size + ")";
    }
}
