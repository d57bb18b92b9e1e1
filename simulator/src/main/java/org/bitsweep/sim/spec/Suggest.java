package org.bitsweep.sim.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelled keys and names: the closest valid word within two edits. */
public final class Suggest {
    private Suggest() {
    }

    public static Optional<String> closest(String typed, Collection<String> valid) {
        return valid.stream().filter(v -> distance(typed, v) <= 2)
                .min(Comparator.comparingInt((String v) -> distance(typed, v)));
    }

    public static String didYouMean(String typed, Collection<String> valid) {
        return closest(typed, valid).map(v -> " (did you mean " + v + "?)").orElse("");
    }

    /** Levenshtein distance, with one row of the table kept. */
    public static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
            row[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
