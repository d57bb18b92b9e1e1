package org.bitsweep.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One try of a property: the values it draws, each under a name so that a failure can list them. Every value comes
 * from a sequence of integer choices; a case is either drawn at random from a seed or replays a given sequence,
 * which is how {@link PropertyCheck} shrinks a failing case (the same property, simpler choices).
 */
public final class Case {
    /**
     * Edge values come up in one random choice in 20, but in one case in 4 in three choices of 4, so that edges
     * also meet each other (a 64-bit accumulator at its maximum, given a product that overflows it).
     */
    private static final int ROLLS = 20;
    private static final int EDGE_ROLLS = 1;
    private static final int EDGE_ROLLS_IN_AN_EDGY_CASE = 15;
    private static final int EDGY_CASE_ONE_IN = 4;

    private final SplittableRandom random;   // null when replaying
    private final int edgeRolls;
    private final long[] replay;
    private final List<Choice> choices = new ArrayList<>();
    private final List<String> drawn = new ArrayList<>();

    private Case(SplittableRandom random, long[] replay) {
        this.random = random;
        this.replay = replay;
        this.edgeRolls = random == null ? 0
                : random.nextInt(EDGY_CASE_ONE_IN) == 0 ? EDGE_ROLLS_IN_AN_EDGY_CASE : EDGE_ROLLS;
    }

    static Case random(long seed) {
        return new Case(new SplittableRandom(seed), new long[0]);
    }

    static Case replaying(long[] choices) {
        return new Case(null, choices.clone());
    }

    /** Draws a value and records it under {@code name} for the failure message. */
    public <T> T draw(String name, Gen<T> gen) {
        T value = gen.generate(this);
        drawn.add(name + " = " + show(value));
        return value;
    }

    /**
     * Skips this try unless {@code condition} holds (an input the claim is not about). A property that skips more
     * than five tries for each one it checks fails, as it checks too little.
     */
    public void assume(boolean condition) {
        if (!condition)
            throw new Rejected();
    }

    /**
     * An integer in {@code [min, max]}. At random: an edge value (min, min + 1, −1, 0, 1, max − 1, max, where in
     * range) as often as the case's edge rate says; otherwise, evenly, a value whose bit length is uniform (so that a
     * range as wide as a long still yields small numbers) or a uniform one. Replaying: the given choice if it lies in
     * range, else the value nearest 0.
     */
    long choose(long min, long max) {
        int at = choices.size();
        long value = random != null ? pick(min, max)
                : at < replay.length && replay[at] >= min && replay[at] <= max ? replay[at] : simplest(min, max);
        choices.add(new Choice(value, min, max, true));
        return value;
    }

    /**
     * A list length in {@code [min, max]}, drawn at random as {@link #choose} would but not recorded: {@link #flag}
     * spells it out, one yes per element, so that shrinking can delete any element with its yes. Replaying, 0.
     */
    int plannedLength(int min, int max) {
        return random == null ? 0 : (int) pick(min, max);
    }

    /** A yes or no: at random {@code wanted}; replaying, the given choice, or no past the end. Shrinks to no. */
    boolean flag(boolean wanted) {
        int at = choices.size();
        long value = random != null ? (wanted ? 1 : 0) : at < replay.length && replay[at] == 1 ? 1 : 0;
        choices.add(new Choice(value, 0, 1, true));
        return value == 1;
    }

    private long pick(long min, long max) {
        if (random.nextInt(ROLLS) < edgeRolls)
            return edge(min, max);
        return random.nextBoolean() ? byBitLength(min, max) : uniform(min, max);
    }

    /** A double in {@code [min, max]}: an edge (min, max, 0, ±1) at the case's edge rate, else uniform. Not shrunk. */
    double chooseDouble(double min, double max) {
        double value;
        int at = choices.size();
        if (random == null) {
            double given = at < replay.length ? Double.longBitsToDouble(replay[at]) : Double.NaN;
            value = given >= min && given <= max ? given : min > 0 ? min : max < 0 ? max : 0.0;
        } else if (random.nextInt(ROLLS) < edgeRolls) {
            List<Double> edges = new ArrayList<>();
            for (double e : new double[] {min, max, 0, 1, -1})
                if (e >= min && e <= max)
                    edges.add(e);
            value = edges.get(random.nextInt(edges.size()));
        } else
            value = Math.min(max, min + random.nextDouble() * (max - min));
        choices.add(new Choice(Double.doubleToRawLongBits(value), Long.MIN_VALUE, Long.MAX_VALUE, false));
        return value;
    }

    List<Choice> choices() {
        return List.copyOf(choices);
    }

    long[] values() {
        return choices.stream().mapToLong(Choice::value).toArray();
    }

    /** The named draws, one "name = value" each, in the order drawn. */
    List<String> drawn() {
        return List.copyOf(drawn);
    }

    private long edge(long min, long max) {
        List<Long> edges = new ArrayList<>();
        for (long e : new long[] {min, min + 1, -1, 0, 1, max - 1, max})   // overflowed ±1s fall out of range
            if (e >= min && e <= max && !edges.contains(e))
                edges.add(e);
        return edges.get(random.nextInt(edges.size()));
    }

    private long byBitLength(long min, long max) {
        int widest = Math.max(bitLength(min), bitLength(max));
        int bits = random.nextInt(Math.min(63, widest) + 1);
        long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        long value = min < 0 && (max < 0 || random.nextBoolean()) ? -magnitude : magnitude;
        return value >= min && value <= max ? value : uniform(min, max);
    }

    private long uniform(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE)
            return random.nextLong();
        return max < Long.MAX_VALUE ? random.nextLong(min, max + 1) : random.nextLong(min - 1, max) + 1;
    }

    private static int bitLength(long v) {
        return v == Long.MIN_VALUE ? 64 : 64 - Long.numberOfLeadingZeros(Math.abs(v));
    }

    static long simplest(long min, long max) {
        return min > 0 ? min : max < 0 ? max : 0;
    }

    private static String show(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }

    /** One integer choice and its range; {@code shrinks} is false for choices that stand for raw doubles. */
    record Choice(long value, long min, long max, boolean shrinks) {
        /** How far the value lies from the simplest, as an unsigned long (it can exceed a long); 0 if not shrunk. */
        long distance() {
            long target = simplest(min, max);
            return !shrinks ? 0 : value >= target ? value - target : target - value;
        }

        /**
         * Simpler values to try in its place, simplest first: the value nearest 0, then values ever closer to this
         * one (halfway, three quarters, ...), ending one step away.
         */
        List<Long> simpler() {
            List<Long> out = new ArrayList<>();
            long target = simplest(min, max);
            if (!shrinks || value == target)
                return out;
            out.add(target);
            // value − target can overflow a long (from Long.MIN_VALUE to 0), so halve each before subtracting.
            for (long gap = value / 2 - target / 2; gap != 0; gap /= 2) {
                long candidate = value - gap;
                if (candidate != target && !out.contains(candidate))
                    out.add(candidate);
            }
            long step = value > target ? value - 1 : value + 1;
            if (!out.contains(step))
                out.add(step);
            return out;
        }
    }

    /** Thrown by {@link #assume} to skip a try. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("skipped by assume", null, false, false);
        }
    }
}
