package org.bitsweep.testkit;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a property over seeded random cases: plain JUnit tests with the reach of a property-test library.
 *
 * <pre>{@code
 * @Test
 * void wrapsToTheAccumulatorWidth() {
 *     forAll(1729, 2000, c -> {
 *         int a = c.draw("a", ints(-128, 127));
 *         int accBits = c.draw("accBits", ints(8, 24));
 *         assertEquals(expected(a, accBits), pe(accBits).mac(0, a, 1));
 *     });
 * }
 * }</pre>
 *
 * Try {@code i} of seed {@code s} always draws the same values, so a failure reproduces on every run. The first
 * failing try is shrunk: its integer choices are made simpler one at a time (towards 0, shorter lists, the first of
 * a {@link Gen#oneOf}) for as long as the property still fails with the same kind of error. The error thrown names
 * the seed, the try, the drawn values before and after shrinking, and has the shrunk case's failure as its cause.
 */
public final class PropertyCheck {
    /** Replays of the property spent on shrinking one failure at most. */
    static final int MAX_SHRINK_RUNS = 500;
    /** As many tries may be skipped by {@link Case#assume} for each checked one before the property fails. */
    static final int MAX_REJECTED_PER_CHECKED = 5;

    private PropertyCheck() {
    }

    /** A claim about the values it draws from a case; it fails by throwing. */
    @FunctionalInterface
    public interface Property {
        void check(Case c) throws Exception;
    }

    /** Checks {@code property} on {@code tries} cases drawn from {@code seed}. */
    public static void forAll(long seed, int tries, Property property) {
        if (tries < 1)
            throw new IllegalArgumentException("tries must be >= 1, got " + tries);
        SplittableRandom caseSeeds = new SplittableRandom(seed);
        int rejected = 0;
        for (int i = 0; i < tries; i++) {
            Case c = Case.random(caseSeeds.nextLong());
            Throwable failure = run(property, c);
            if (failure instanceof Case.Rejected)
                rejected++;
            else if (failure != null)
                throw shrunkFailure(seed, i, tries, property, c, failure);
        }
        int checked = tries - rejected;
        if (rejected > MAX_REJECTED_PER_CHECKED * checked)
            throw new AssertionError("property (seed %d) skipped %d of %d tries by assume and checked only %d"
                    .formatted(seed, rejected, tries, checked));
    }

    private static Throwable run(Property property, Case c) {
        try {
            property.check(c);
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private static AssertionError shrunkFailure(long seed, int index, int tries, Property property, Case first,
                                                Throwable firstFailure) {
        Shrinker s = new Shrinker(property, first, firstFailure);
        s.shrink();
        StringBuilder message = new StringBuilder("property failed on try %d of %d (seed %d) with:%n"
                .formatted(index + 1, tries, seed));
        first.drawn().forEach(d -> message.append("  ").append(d).append('\n'));
        if (s.steps == 0)
            message.append("(it did not shrink)\n");
        else {
            message.append("shrunk in %d steps (%d replays) to:%n".formatted(s.steps, s.runs));
            s.best.drawn().forEach(d -> message.append("  ").append(d).append('\n'));
        }
        message.append("failure: ").append(s.bestFailure);
        AssertionError error = new AssertionError(message.toString(), s.bestFailure);
        if (s.bestFailure != firstFailure)
            error.addSuppressed(firstFailure);
        return error;
    }

    /**
     * Greedy shrinking of a failing case's choices: delete short runs of choices (a list element and its "one
     * more" flag), then make single choices simpler; keep any change after which the property still fails with the
     * same kind of error, until nothing helps or the replays run out.
     */
    private static final class Shrinker {
        private static final int LONGEST_DELETED_RUN = 4;
        final Property property;
        final Class<?> kind;
        Case best;
        Throwable bestFailure;
        int runs;
        int steps;

        Shrinker(Property property, Case first, Throwable firstFailure) {
            this.property = property;
            this.kind = firstFailure.getClass();
            this.best = first;
            this.bestFailure = firstFailure;
        }

        void shrink() {
            boolean improved = true;
            while (improved && runs < MAX_SHRINK_RUNS) {
                boolean deleted = deleteRuns();
                boolean simplified = simplifyChoices();
                improved = deleted || simplified;
            }
        }

        private boolean deleteRuns() {
            boolean any = false;
            for (int length = LONGEST_DELETED_RUN; length >= 1; length--)
                for (int at = 0; at + length <= best.values().length && runs < MAX_SHRINK_RUNS; ) {
                    long[] v = best.values();
                    long[] shorter = new long[v.length - length];
                    System.arraycopy(v, 0, shorter, 0, at);
                    System.arraycopy(v, at + length, shorter, at, v.length - at - length);
                    if (accepts(shorter))
                        any = true;   // the next run now starts here
                    else
                        at++;
                }
            return any;
        }

        private boolean simplifyChoices() {
            boolean any = false;
            List<Case.Choice> choices = best.choices();
            for (int at = 0; at < choices.size() && runs < MAX_SHRINK_RUNS; at++)
                for (long candidate : choices.get(at).simpler()) {
                    long[] v = best.values();
                    v[at] = candidate;
                    if (accepts(v)) {
                        any = true;
                        choices = best.choices();
                        at--;   // this choice may shrink further
                        break;
                    }
                }
            return any;
        }

        /**
         * Fewer choices, or as many and the first that differs nearer its simplest value: a strict order with no
         * infinite descent, so shrinking always ends. (A replay can undo a change, e.g. a deleted trailing "no".)
         */
        static boolean isSimpler(Case trial, Case than) {
            List<Case.Choice> a = trial.choices();
            List<Case.Choice> b = than.choices();
            if (a.size() != b.size())
                return a.size() < b.size();
            for (int i = 0; i < a.size(); i++) {
                int cmp = Long.compareUnsigned(a.get(i).distance(), b.get(i).distance());
                if (cmp != 0)
                    return cmp < 0;
            }
            return false;
        }

        private boolean accepts(long[] values) {
            if (runs >= MAX_SHRINK_RUNS)
                return false;
            runs++;
            Case trial = Case.replaying(values);
            Throwable failure = run(property, trial);
            if (failure == null || failure.getClass() != kind || !isSimpler(trial, best))
                return false;
            best = trial;
            bestFailure = failure;
            steps++;
            return true;
        }
    }
}
