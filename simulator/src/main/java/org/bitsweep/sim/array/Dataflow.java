package org.bitsweep.sim.array;

import java.util.List;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.model.GemmShape;

/**
 * How a GEMM runs on a systolic array: which loop goes down the array's rows, which across its columns, and which
 * streams through in time. As in SCALE-Sim (Samajdar et al., ISPASS 2020, Table III), the two spatial loops are cut
 * into <em>folds</em> of R × C, ⌈S_R/R⌉·⌈S_C/C⌉ of them, and each fold streams the whole temporal loop T. Each
 * dataflow is one file; they share this method set.
 */
public sealed interface Dataflow permits OutputStationary, WeightStationary, InputStationary, DotProduct {
    OutputStationary OS = new OutputStationary();
    WeightStationary WS = new WeightStationary();
    InputStationary IS = new InputStationary();
    DotProduct DP = new DotProduct();

    /** The name used on the command line: {@code os}, {@code ws}, {@code is} or {@code dp}. */
    String id();

    /** The loop mapped onto the array's rows (SCALE-Sim's S_R). */
    GemmDim rowDim();

    /** The loop mapped onto the array's columns (S_C). */
    GemmDim colDim();

    /** The loop streamed through the array in time (T). */
    GemmDim timeDim();

    /** The operand that stays in the PEs for a whole fold. */
    Operand stationary();

    /**
     * Cycles of one fold on a {@code rows × cols} array whose stream lasts {@code streamCycles} (the temporal
     * length times the PE's cycles per MAC).
     */
    long foldCycles(int rows, int cols, long streamCycles, Timing timing);

    /**
     * Elements the array reads from and writes to its three buffers over the whole GEMM, on PEs that each reduce
     * {@code lanes} MACs of one output side by side.
     */
    ArrayAccesses accesses(GemmShape s, SystolicArray a, int lanes);

    default ArrayAccesses accesses(GemmShape s, SystolicArray a) {
        return accesses(s, a, 1);
    }

    /**
     * Whether partial sums leave the array: in weight and input stationary the reduction runs down the rows, so a
     * reduction longer than R is summed over folds in the output buffer. Output stationary sums in the PEs.
     */
    default boolean accumulatesInOutputBuffer() {
        return stationary() != Operand.OUTPUTS;
    }

    /**
     * How many elements of a loop one PE position covers: a PE with {@code lanes} lanes (a dot product that wide,
     * as BitMoD's) reduces that many MACs of one output at once, so along k each row, or each step of the stream,
     * covers {@code lanes} elements.
     */
    static long perPe(GemmDim d, int lanes) {
        return d == GemmDim.K ? lanes : 1;
    }

    default long rowFolds(GemmShape s, SystolicArray a, int lanes) {
        return ceilDiv(rowDim().of(s), a.rows() * perPe(rowDim(), lanes));
    }

    /** The column loop is never the reduction, so lanes do not widen it. */
    default long colFolds(GemmShape s, SystolicArray a) {
        return ceilDiv(colDim().of(s), a.cols());
    }

    default long folds(GemmShape s, SystolicArray a, int lanes) {
        return Math.multiplyExact(rowFolds(s, a, lanes), colFolds(s, a));
    }

    default long folds(GemmShape s, SystolicArray a) {
        return folds(s, a, 1);
    }

    /**
     * The shortest chunk of the temporal loop worth cutting a fold's stream into, in steps: a systolic fold's skew
     * lasts max(R, C) cycles, so a shorter chunk shortens nothing.
     */
    default long minimumChunkSteps(int rows, int cols) {
        return Math.max(rows, cols);
    }

    /** Steps of the temporal loop through one fold: its length, in groups of {@code lanes} when it is the reduction. */
    default long streamSteps(GemmShape s, int lanes) {
        return ceilDiv(timeDim().of(s), perPe(timeDim(), lanes));
    }

    /**
     * Stall-free cycles of the whole GEMM: folds × cycles per fold, less one under {@link Timing#SCALESIM}, whose
     * total is the index of the last cycle rather than the count. Each fold streams {@link #streamSteps} steps of
     * {@code cyclesPerMac} cycles, a mean for PEs whose timing depends on the values (the stream is rounded up).
     */
    default long computeCycles(GemmShape s, SystolicArray a, double cyclesPerMac, int lanes, Timing timing) {
        long stream = (long) Math.ceil(streamSteps(s, lanes) * cyclesPerMac);
        long cycles = Math.multiplyExact(folds(s, a, lanes), foldCycles(a.rows(), a.cols(), stream, timing));
        return timing == Timing.SCALESIM ? cycles - 1 : cycles;
    }

    /** {@link #computeCycles(GemmShape, SystolicArray, double, int, Timing)} for one-lane PEs. */
    default long computeCycles(GemmShape s, SystolicArray a, long cyclesPerMac, Timing timing) {
        return computeCycles(s, a, (double) cyclesPerMac, 1, timing);
    }

    /** The systolic dataflows SCALE-Sim has, and the dot-product lanes. */
    static List<Dataflow> all() {
        return List.of(OS, WS, IS, DP);
    }

    /** The systolic ones, whose timing SCALE-Sim also models. */
    static List<Dataflow> systolic() {
        return List.of(OS, WS, IS);
    }

    static Dataflow parse(String option, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(d -> d.id().equals(t)).findFirst()
                .orElseThrow(() -> new UserInputException("%s: \"%s\"; valid: os, ws, is, dp".formatted(option, text)));
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
