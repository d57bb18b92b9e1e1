package org.bitsweep.sim.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitsweep.workloads.model.GemmShape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

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

    @Property(tries = 3000, seed = "1729")
    void scaleSimTimingIsItsDemandMatrixLengthLessOne(@ForAll @IntRange(min = 1, max = 300) int m,
                                                      @ForAll @IntRange(min = 1, max = 300) int n,
                                                      @ForAll @IntRange(min = 1, max = 300) int k,
                                                      @ForAll @IntRange(min = 1, max = 64) int rows,
                                                      @ForAll @IntRange(min = 1, max = 64) int cols,
                                                      @ForAll @IntRange(min = 0, max = 2) int dataflow) {
        Dataflow df = Dataflow.all().get(dataflow);
        GemmShape s = new GemmShape(m, n, k);
        SystolicArray a = new SystolicArray(rows, cols);
        long rowsOfDemand = df.folds(s, a) * scaleSimFoldRows(df, rows, cols, df.timeDim().of(s));
        assertThat(df.computeCycles(s, a, 1, Timing.SCALESIM)).isEqualTo(rowsOfDemand - 1);
    }

    @Property(tries = 2000, seed = "1729")
    void oursIsScaleSimsPlusOnePlusTheOutputStationaryDrain(@ForAll @IntRange(min = 1, max = 5000) int m,
                                                           @ForAll @IntRange(min = 1, max = 5000) int n,
                                                           @ForAll @IntRange(min = 1, max = 5000) int k,
                                                           @ForAll @IntRange(min = 1, max = 256) int rows,
                                                           @ForAll @IntRange(min = 1, max = 256) int cols,
                                                           @ForAll @IntRange(min = 1, max = 8) int cyclesPerMac) {
        GemmShape s = new GemmShape(m, n, k);
        SystolicArray a = new SystolicArray(rows, cols);
        for (Dataflow df : Dataflow.all()) {
            long drain = df == Dataflow.OS ? df.folds(s, a) * rows : 0;
            assertThat(df.computeCycles(s, a, cyclesPerMac, Timing.BITSWEEP))
                    .isEqualTo(df.computeCycles(s, a, cyclesPerMac, Timing.SCALESIM) + 1 + drain);
        }
    }

    @Property(tries = 2000, seed = "1729")
    void noDataflowBeatsEveryPeBusyEveryCycle(@ForAll @IntRange(min = 1, max = 5000) int m,
                                             @ForAll @IntRange(min = 1, max = 5000) int n,
                                             @ForAll @IntRange(min = 1, max = 5000) int k,
                                             @ForAll @IntRange(min = 1, max = 256) int rows,
                                             @ForAll @IntRange(min = 1, max = 256) int cols,
                                             @ForAll @IntRange(min = 1, max = 8) int cyclesPerMac) {
        GemmShape s = new GemmShape(m, n, k);
        SystolicArray a = new SystolicArray(rows, cols);
        double ideal = (double) s.macs() * cyclesPerMac / a.pes();
        for (Dataflow df : Dataflow.all())
            assertThat((double) df.computeCycles(s, a, cyclesPerMac, Timing.BITSWEEP)).isGreaterThanOrEqualTo(ideal);
    }

    @Property(tries = 1000, seed = "1729")
    void eachDataflowReadsEveryOperandElementAtLeastOnce(@ForAll @IntRange(min = 1, max = 3000) int m,
                                                         @ForAll @IntRange(min = 1, max = 3000) int n,
                                                         @ForAll @IntRange(min = 1, max = 3000) int k,
                                                         @ForAll @IntRange(min = 1, max = 128) int rows,
                                                         @ForAll @IntRange(min = 1, max = 128) int cols) {
        GemmShape s = new GemmShape(m, n, k);
        SystolicArray a = new SystolicArray(rows, cols);
        for (Dataflow df : Dataflow.all()) {
            ArrayAccesses x = df.accesses(s, a);
            assertThat(x.activationReads()).isGreaterThanOrEqualTo((long) m * k);
            assertThat(x.weightReads()).isGreaterThanOrEqualTo((long) k * n);
            assertThat(x.outputWrites()).isGreaterThanOrEqualTo((long) m * n);
            assertThat(x.outputWrites() - x.outputReads()).isEqualTo((long) m * n);
        }
    }
}
