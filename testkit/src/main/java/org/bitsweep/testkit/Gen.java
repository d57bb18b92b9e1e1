package org.bitsweep.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A way to draw values of one type: what a property test asks a {@link Case} for. Every generator here reads the
 * case's integer choices ({@code Case.choose}), so that the random draws are seeded, edge values (a range's ends, 0,
 * ±1) turn up often and together (in a quarter of the cases, 3 draws in 4 are edges; in the rest, 1 in 20), and
 * a failing case can be shrunk by making those choices simpler. Build new generators from these with {@link #map}
 * or a lambda that calls {@link #generate} on others.
 */
@FunctionalInterface
public interface Gen<T> {

    /** Draws one value from the case's choices. */
    T generate(Case c);

    /** This generator's values passed through {@code f}; they shrink as this generator's do. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(generate(c));
    }

    /** Integers in {@code [min, max]}; shrink towards the one nearest 0. */
    static Gen<Integer> ints(int min, int max) {
        checkRange(min, max);
        return c -> (int) c.choose(min, max);
    }

    /** Any int, {@link Integer#MIN_VALUE} and {@link Integer#MAX_VALUE} among the edges. */
    static Gen<Integer> ints() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code [min, max]}; shrink towards the one nearest 0. */
    static Gen<Long> longs(long min, long max) {
        checkRange(min, max);
        return c -> c.choose(min, max);
    }

    /** Any long. */
    static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A non-negative seed for a {@code SplittableRandom} from which a property draws data of its own. */
    static Gen<Long> seeds() {
        return longs(0, Long.MAX_VALUE);
    }

    /** {@code false} or {@code true}; shrinks to {@code false}. */
    static Gen<Boolean> booleans() {
        return c -> c.choose(0, 1) == 1;
    }

    /**
     * Doubles spread evenly over {@code [min, max]} (both finite), with min, max, 0 and ±1 as edges when in range.
     * They do not shrink.
     */
    static Gen<Double> doubles(double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max))
            throw new IllegalArgumentException("need finite min <= max, got [%s, %s]".formatted(min, max));
        return c -> c.chooseDouble(min, max);
    }

    /**
     * Any float bit pattern, so every exponent, subnormals, ±0, ±∞ and NaN all appear; about one draw in ten is
     * one of ±0, ±1, ±{@link Float#MIN_VALUE}, ±{@link Float#MIN_NORMAL}, ±{@link Float#MAX_VALUE}, ±∞ or NaN.
     */
    static Gen<Float> floats() {
        Gen<Float> edges = oneOf(0.0f, -0.0f, 1.0f, -1.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
                -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN);
        Gen<Float> patterns = ints().map(Float::intBitsToFloat);
        return c -> c.choose(0, 9) == 0 ? edges.generate(c) : patterns.generate(c);
    }

    /** One of the options; shrinks towards the first. */
    static <T> Gen<T> oneOf(List<T> options) {
        if (options.isEmpty())
            throw new IllegalArgumentException("oneOf needs at least one option");
        List<T> copy = List.copyOf(options);
        return c -> copy.get((int) c.choose(0, copy.size() - 1));
    }

    /** One of the options; shrinks towards the first. */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... options) {
        return oneOf(Arrays.asList(options));
    }

    /** Lists of {@code minSize} to {@code maxSize} elements; they shrink towards fewer, simpler elements. */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        checkRange(minSize, maxSize);
        if (minSize < 0)
            throw new IllegalArgumentException("list sizes cannot be negative, got " + minSize);
        return c -> {
            int planned = c.plannedLength(minSize, maxSize);
            List<T> list = new ArrayList<>();
            while (list.size() < minSize || list.size() < maxSize && c.flag(list.size() < planned))
                list.add(element.generate(c));
            return List.copyOf(list);
        };
    }

    private static void checkRange(long min, long max) {
        if (min > max)
            throw new IllegalArgumentException("empty range [%d, %d]".formatted(min, max));
    }
}
