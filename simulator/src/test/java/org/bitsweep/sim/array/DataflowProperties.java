package org.bitsweep.sim.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.testkit.Gen.ints;
import static org.bitsweep.testkit.Gen.oneOf;
import static org.bitsweep.testkit.PropertyCheck.forAll;

import org.bitsweep.workloads.model.GemmShape;
import org.junit.jupiter.api.Test;

/**
 * The closed forms against SCALE-Sim v2's construction, replayed: per fold, each operand's demand matrix is built
 * from the same blocks as in systolic_compute_{os,ws,is}.py (operand rows, null prefix and suffix rows, then a
 * skew that adds columns − 1 rows); the three must agree in length, as SCALE-Sim asserts, and the total it reports
 * is the last row's index.
 */
class DataflowProperties {

    /** Rows of SCALE-Sim's demand matrices for one fold, checked to agree across the three operands. */
    static long scaleSimFoldRows(Dataflow df, int r, int c, long t) {
        long ifmap;
        long filter;
        long ofmap;
        if (df == Dataflow.OS) {
            ifmap = skew(t + (c - 1), r);              // T rows + C − 1 suffix; R columns
            filter = skew(t + (r - 1), c);             // T rows + R − 1 suffix; C columns
            ofmap = skew((t - 1) + r, c);              // T − 1 prefix + R output rows; C columns
        } else if (df == Dataflow.WS) {
            ifmap = skew(r + t + (c - 1), r);          // R prefix (weights load) + T + C − 1 suffix; R columns
            filter = r + (r + c + t - 2);              // R weight rows + R + C + T − 2 suffix; no skew
            ofmap = skew((2L * r - 1) + t, c);         // 2R − 1 prefix + T; C columns
        } else {
            ifmap = r + (r + c + t - 2);               // R input rows + R + C + T − 2 suffix; no skew
            filter = skew(r + t + (c - 1), r);         // R prefix + T + C − 1 suffix; R columns
            ofmap = skew((2L * r - 1) + t, c);         // 2R − 1 prefix + T; C columns
        }
        assertThat(filter).isEqualTo(ifmap);
        assertThat(ofmap).isEqualTo(ifmap);
        return ifmap;
    }

    /** skew_matrix: a rows × columns matrix becomes (rows + columns − 1) × columns. */
    static long skew(long rows, int columns) {
        return rows + columns - 1;
    }

    @Test
    void scaleSimTimingIsItsDemandMatrixLengthLessOne() {
        forAll(1729, 3000, c -> {
            GemmShape s = new GemmShape(c.draw("m", ints(1, 300)), c.draw("n", ints(1, 300)),
                    c.draw("k", ints(1, 300)));
            int rows = c.draw("rows", ints(1, 64));
            int cols = c.draw("cols", ints(1, 64));
            Dataflow df = c.draw("dataflow", oneOf(Dataflow.systolic()));
            SystolicArray a = new SystolicArray(rows, cols);
            long rowsOfDemand = df.folds(s, a) * scaleSimFoldRows(df, rows, cols, df.timeDim().of(s));
            assertThat(df.computeCycles(s, a, 1, Timing.SCALESIM)).isEqualTo(rowsOfDemand - 1);
        });
    }

    @Test
    void oursIsScaleSimsPlusOnePlusTheOutputStationaryDrain() {
        forAll(1729, 2000, c -> {
            GemmShape s = new GemmShape(c.draw("m", ints(1, 5000)), c.draw("n", ints(1, 5000)),
                    c.draw("k", ints(1, 5000)));
            int rows = c.draw("rows", ints(1, 256));
            SystolicArray a = new SystolicArray(rows, c.draw("cols", ints(1, 256)));
            int cyclesPerMac = c.draw("cyclesPerMac", ints(1, 8));
            for (Dataflow df : Dataflow.systolic()) {
                long drain = df == Dataflow.OS ? df.folds(s, a) * rows : 0;
                assertThat(df.computeCycles(s, a, cyclesPerMac, Timing.BITSWEEP)).as("%s", df)
                        .isEqualTo(df.computeCycles(s, a, cyclesPerMac, Timing.SCALESIM) + 1 + drain);
            }
        });
    }

    @Test
    void noDataflowBeatsEveryPeBusyEveryCycle() {
        forAll(1729, 2000, c -> {
            GemmShape s = new GemmShape(c.draw("m", ints(1, 5000)), c.draw("n", ints(1, 5000)),
                    c.draw("k", ints(1, 5000)));
            SystolicArray a = new SystolicArray(c.draw("rows", ints(1, 256)), c.draw("cols", ints(1, 256)));
            int cyclesPerMac = c.draw("cyclesPerMac", ints(1, 8));
            double ideal = (double) s.macs() * cyclesPerMac / a.pes();
            for (Dataflow df : Dataflow.all())
                assertThat((double) df.computeCycles(s, a, cyclesPerMac, Timing.BITSWEEP)).as("%s", df)
                        .isGreaterThanOrEqualTo(ideal);
        });
    }

    @Test
    void eachDataflowReadsEveryOperandElementAtLeastOnce() {
        forAll(1729, 1000, c -> {
            int m = c.draw("m", ints(1, 3000));
            int n = c.draw("n", ints(1, 3000));
            int k = c.draw("k", ints(1, 3000));
            GemmShape s = new GemmShape(m, n, k);
            SystolicArray a = new SystolicArray(c.draw("rows", ints(1, 128)), c.draw("cols", ints(1, 128)));
            for (Dataflow df : Dataflow.all()) {
                ArrayAccesses x = df.accesses(s, a);
                assertThat(x.activationReads()).as("%s", df).isGreaterThanOrEqualTo((long) m * k);
                assertThat(x.weightReads()).as("%s", df).isGreaterThanOrEqualTo((long) k * n);
                assertThat(x.outputWrites()).as("%s", df).isGreaterThanOrEqualTo((long) m * n);
                assertThat(x.outputWrites() - x.outputReads()).as("%s", df).isEqualTo((long) m * n);
            }
        });
    }
}
