package org.bitsweep.workloads;

/** Argument checks shared by the value records of every module; they throw {@link IllegalArgumentException}. */
public final class Checks {
    private Checks() {
    }

    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max)
            throw new IllegalArgumentException("%s must be in [%d, %d], got %d".formatted(name, min, max, value));
        return value;
    }

    public static long positive(String name, long value) {
        if (value < 1)
            throw new IllegalArgumentException("%s must be >= 1, got %d".formatted(name, value));
        return value;
    }

    public static double finitePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value))
            throw new IllegalArgumentException("%s must be a finite number > 0, got %s".formatted(name, value));
        return value;
    }

    public static String nonBlank(String name, String value) {
        if (value == null || value.isBlank())
            throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }
}
