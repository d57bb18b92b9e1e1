package org.bitsweep.workloads.format;

import java.util.Arrays;
import java.util.List;

import org.bitsweep.workloads.Checks;

/**
 * A two's complement integer with an implicit binary point: the value of a code is its integer divided by
 * 2^fractionBits. OCP MX's INT8 element is this with 6 fraction bits (values k/64, largest 127/64).
 */
public record FixedPointFormat(String name, IntFormat integer, int fractionBits) implements NumberFormat {
    public FixedPointFormat {
        Checks.nonBlank("format name", name);
        Checks.inRange("fraction bits", fractionBits, 0, 30);
    }

    @Override
    public int bits() {
        return integer.bits();
    }

    @Override
    public double decode(int code) {
        return Math.scalb((double) integer.decodeInt(code), -fractionBits);
    }

    /** Round half to even on the 2^−fractionBits grid, saturating. */
    @Override
    public int encode(double value) {
        return integer.encodeInt(integer.roundToInt(Math.scalb(value, fractionBits)));
    }

    @Override
    public double maxValue() {
        return Math.scalb((double) integer.maxInt(), -fractionBits);
    }

    @Override
    public double minValue() {
        return Math.scalb((double) integer.minInt(), -fractionBits);
    }

    @Override
    public double minPositiveNormal() {
        return Math.scalb(1.0, -fractionBits);
    }

    @Override
    public double[] values() {
        return Arrays.stream(integer.values()).map(v -> Math.scalb(v, -fractionBits)).toArray();
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }
}
