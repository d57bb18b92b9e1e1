package org.bitsweep.sweep.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.lists;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The streaming front, merged chunk by chunk, is the front of the whole: the same points in the same order as
 * {@link ParetoFront#nonDominated} over all of them, for any chunk size.
 */
class StreamingFrontProperties {

    @Test
    void equalsTheFrontOfAllPointsWhateverTheChunk() {
        forAll(2718, 400, c -> {
            // Three objectives over small integer ranges: many ties and duplicates across chunk boundaries.
            List<Integer> values = c.draw("values", lists(ints(0, 6), 0, 240));
            int chunk = c.draw("chunk", ints(1, 40));
            int n = values.size() / 3;
            double[][] points = new double[n][];
            StreamingFront<Integer> streaming = new StreamingFront<>(chunk);
            for (int i = 0; i < n; i++) {
                points[i] = new double[] {values.get(3 * i), values.get(3 * i + 1), values.get(3 * i + 2)};
                streaming.add(points[i], i);
            }
            assertThat(streaming.items()).as("chunk %d", chunk).isEqualTo(ParetoFront.nonDominated(points));
        });
    }

    @Test
    void aHandExampleAcrossTwoChunks() {
        // Chunk 2, minimizing (cost, -quality). A(3,-1) B(2,-2) arrive first: B dominates A. Then C(1,-1), D(2,-2):
        // C is cheaper than B at lower quality, D duplicates B, so the front is C, B, D (lexicographic, then arrival).
        StreamingFront<String> f = new StreamingFront<>(2);
        f.add(new double[] {3, -1}, "A");
        f.add(new double[] {2, -2}, "B");
        f.add(new double[] {1, -1}, "C");
        f.add(new double[] {2, -2}, "D");
        f.add(new double[] {Double.NaN, -9}, "E");
        assertThat(f.items()).containsExactly("C", "B", "D");
        assertThat(f.size()).isEqualTo(3);
    }

    @Test
    void aMillionPointsEachDominatedByTheFirstLeaveOnlyIt() {
        // (i, i) for i = 0..999,999: (0, 0) dominates every other point, chunk after chunk.
        StreamingFront<Long> f = new StreamingFront<>(1000);
        List<Long> firstFew = new ArrayList<>();
        for (long i = 0; i < 1_000_000; i++)
            f.add(new double[] {i, i}, i);
        firstFew.add(0L);
        assertThat(f.items()).isEqualTo(firstFew);
    }
}
