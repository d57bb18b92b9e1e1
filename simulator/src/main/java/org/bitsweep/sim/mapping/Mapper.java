package org.bitsweep.sim.mapping;

import java.util.function.LongToDoubleFunction;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.accelerator.Prices;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.GemmDim;
import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.workloads.model.GemmShape;

/**
 * Chooses, for one GEMM on one accelerator, the tile sizes and the loop order between DRAM and the buffers that
 * minimise cycles, energy or their product (the accelerator's {@link Objective}), with two tiles of each operand in
 * its buffer (double buffering).
 *
 * <p>The array runs the dataflow's folds. A tile's spatial sides are multiples of the array's (powers of two times
 * R or C, or the whole dimension), so a tile is a block of whole folds; its temporal side is the whole temporal loop
 * if that fits, else the longest chunk that fits. A single-fold tile may also take the shortest chunk, max(R, C)
 * steps of the stream in a systolic array (finer chunks than the array's own skew shorten nothing), one step with
 * dot-product lanes. (Along k a step, like a row of the
 * array, covers as many elements as the PE has lanes.) Whether the chunks cost anything depends on
 * the loop order: when the tile is one fold and no loop with more than one trip sits inside the temporal loop, the
 * fold's stream runs on unbroken across chunks and the compute cycles are the dataflow's; otherwise each fold is
 * run once per chunk and pays its fill and drain each time (and in output stationary, its partial sums go to the
 * output buffer between visits). Every order of the three loops is tried. Each candidate is costed in O(1).
 *
 * <p>Traffic: an operand is loaded once per iteration of the loops at or outside its innermost loop, so it is
 * re-fetched once per trip of any loop it does not depend on that sits outside its innermost one; the outputs'
 * only such loop is the reduction, which then splits each sum into partial sums that go to DRAM and come back.
 *
 * <p>Timing of S steps of c = compute / S cycles each: the first step's tiles load before anything runs, the last
 * outputs are written after everything has run, and in between each step's compute overlaps the loads for the next
 * step and the write-back of the previous one, so a step lasts the longer of the two. Loads of an operand recur
 * with a period equal to the product of the trip counts of the loops inside its innermost loop; those periods
 * divide one another, so the steps fall into at most four classes and the sum is closed-form.
 */
public final class Mapper {
    /**
     * One GEMM as the mapper sees it.
     *
     * @param computeCycles  stall-free cycles of the array for the whole GEMM, each fold visited once
     * @param revisitCycles  what visiting one fold once more costs: its fill and drain
     * @param folds          the dataflow's folds of the GEMM
     * @param lanes          MACs of one output a PE reduces side by side: along k, one PE covers that many elements
     * @param activationBits bits per A element in DRAM and the buffers, scales included
     * @param weightBits     bits per B element, scales included
     * @param outputBits     bits per finished C element (the next layer's activations)
     * @param arraySramPj    the energy of the array's own buffer accesses when each fold runs this many times (the
     *                       stationary operand reloads at every visit), for the energy objective
     * @param fixedPj        the energy no mapping changes (the MACs and the PEs' registers): the energy-delay
     *                       product needs the whole energy, not only the part the mapping moves
     */
    public record Problem(GemmShape shape, long computeCycles, double revisitCycles, long folds, int lanes,
                          double activationBits, double weightBits, double outputBits,
                          LongToDoubleFunction arraySramPj, double fixedPj) {
        public Problem {
            if (computeCycles < 0 || !(revisitCycles >= 0) || folds < 1 || lanes < 1 || !(activationBits > 0)
                    || !(weightBits > 0) || !(outputBits > 0))
                throw new IllegalArgumentException("bad mapping problem " + shape);
        }
    }

    private static final int M = GemmDim.M.ordinal();
    private static final int N = GemmDim.N.ordinal();
    private static final int K = GemmDim.K.ordinal();
    private static final int A = Operand.ACTIVATIONS.ordinal();
    private static final int B = Operand.WEIGHTS.ordinal();
    private static final int C = Operand.OUTPUTS.ordinal();
    private static final GemmDim[] DIMS = GemmDim.values();
    private static final Operand[] OPERANDS = Operand.values();
    /** The loops each operand depends on, as bits by {@link GemmDim#ordinal()}, indexed by the operand's ordinal. */
    private static final int[] DEPENDS = new int[3];

    static {
        for (Operand o : OPERANDS)
            for (GemmDim d : DIMS)
                if (o.dependsOn(d))
                    DEPENDS[o.ordinal()] |= 1 << d.ordinal();
    }

    /** Every order of n loops, outermost first, as indices into the loops that have more than one trip. */
    private static final int[][][] PERMUTATIONS = {{{}}, {{0}}, {{0, 1}, {1, 0}},
            {{0, 1, 2}, {1, 0, 2}, {0, 2, 1}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}};

    private final Accelerator acc;
    private final Prices prices;
    private final int[] spatial = new int[3];
    private final int row;
    private final int col;
    private final int time;
    private final int rows;
    private final int cols;
    /** Elements of the row and column loops one fold covers, and of the temporal loop one array-length chunk. */
    private long rowUnit;
    private long colUnit;
    private long timeUnit;
    private final boolean buffersPartialSums;
    private final double bitsPerCycle;
    private final double[] capacityBits = new double[3];
    private final double[] elementBits = new double[3];

    // The candidate being costed and the best so far: a Mapper serves one thread at a time and allocates nothing
    // while it searches.
    private final long[] size = new long[3];
    private final long[] tile = new long[3];
    private final long[] trips = new long[3];
    private final int[] order = new int[3];
    private final int[] busy = new int[3];
    private final long[] loads = new long[3];
    private final long[] refetch = new long[3];
    private Problem problem;
    private boolean revisits;
    private long steps;
    private long compute;
    private double trafficA;
    private double trafficB;
    private double outputWrites;
    private double outputReads;
    private double stall;
    private boolean found;
    private double bestPrimary;
    private double bestSecondary;
    private final long[] bestTile = new long[3];
    private final int[] bestOrder = new int[3];

    public Mapper(Accelerator acc, Prices prices) {
        this.acc = acc;
        this.prices = prices;
        Dataflow df = acc.dataflow();
        this.row = df.rowDim().ordinal();
        this.col = df.colDim().ordinal();
        this.time = df.timeDim().ordinal();
        spatial[0] = row;
        spatial[1] = col;
        spatial[2] = time;
        this.rows = acc.array().rows();
        this.cols = acc.array().cols();
        this.buffersPartialSums = df.accumulatesInOutputBuffer();
        this.bitsPerCycle = acc.dramBytesPerCycle() * 8;
        for (Operand o : OPERANDS)
            capacityBits[o.ordinal()] = acc.buffers().of(o).bytes() * 8.0 / 2;
    }

    /** @throws Infeasible when not even one fold with the shortest chunk fits the buffers */
    public Mapping map(Problem p) {
        problem = p;
        size[M] = p.shape().m();
        size[N] = p.shape().n();
        size[K] = p.shape().k();
        elementBits[A] = p.activationBits();
        elementBits[B] = p.weightBits();
        rowUnit = rows * Dataflow.perPe(DIMS[row], p.lanes());
        colUnit = cols * Dataflow.perPe(DIMS[col], p.lanes());
        timeUnit = acc.dataflow().minimumChunkSteps(rows, cols) * Dataflow.perPe(DIMS[time], p.lanes());
        found = false;
        long whole = size[time];
        long shortest = shortestChunk();
        for (long tr = Math.min(rowUnit, size[row]); ; tr = grow(tr, size[row])) {
            tile[row] = tr;
            boolean fitted = false;
            for (long tc = Math.min(colUnit, size[col]); ; tc = grow(tc, size[col])) {
                tile[col] = tc;
                long longest = Math.min(whole, longestChunk());
                if (longest < shortest)
                    break;
                fitted = true;
                tile[time] = longest;
                searchOrders();
                if (oneFold() && shortest < longest) {
                    tile[time] = shortest;
                    searchOrders();
                }
                if (tc == size[col])
                    break;
            }
            if (!fitted || tr == size[row])
                break;
        }
        if (!found)
            throw new Infeasible(Infeasible.NO_TILE_FITS, nothingFits());
        System.arraycopy(bestTile, 0, tile, 0, 3);
        System.arraycopy(bestOrder, 0, order, 0, 3);
        for (int d = 0; d < 3; d++)
            trips[d] = ceilDiv(size[d], tile[d]);
        cost();
        return new Mapping(new LoopOrder(DIMS[order[0]], DIMS[order[1]], DIMS[order[2]]), tile[M], tile[N], tile[K],
                steps, revisits ? trips[time] : 1, compute, trafficA, trafficB, outputWrites, outputReads,
                (long) Math.ceil(stall));
    }

    private long shortestChunk() {
        return Math.min(size[time], timeUnit);
    }

    /** The next candidate side: twice this one, or the whole dimension once twice would reach it. */
    private static long grow(long t, long whole) {
        return t * 2 >= whole ? whole : t * 2;
    }

    private boolean oneFold() {
        return tile[row] <= rowUnit && tile[col] <= colUnit;
    }

    /**
     * The longest temporal chunk whose two tiles fit every buffer with the spatial sides set, 0 if none does. Output
     * stationary's outputs are sized as finished outputs here; {@link #cost()} checks them as partial sums when the
     * loop order makes the folds revisit.
     */
    private long longestChunk() {
        long longest = Long.MAX_VALUE;
        for (Operand o : OPERANDS) {
            double unit = 1;
            boolean temporal = false;
            for (int d = 0; d < 3; d++) {
                if (!o.dependsOn(DIMS[d]))
                    continue;
                if (d == time)
                    temporal = true;
                else
                    unit *= tile[d];
            }
            double bits = unit * (o == Operand.OUTPUTS ? outputTileBits(false) : elementBits[o.ordinal()]);
            double capacity = capacityBits[o.ordinal()];
            if (!temporal) {
                if (bits > capacity)
                    return 0;
            } else {
                longest = Math.min(longest, (long) Math.floor(capacity / bits));
            }
        }
        return longest;
    }

    /** Bits per output element in the output buffer: partial sums when they accumulate there. */
    private double outputTileBits(boolean partial) {
        return partial || buffersPartialSums ? acc.partialSumBits() : problem.outputBits();
    }

    /**
     * Costs every order of the loops with more than one trip (a loop of one trip sits anywhere without changing
     * anything; those go innermost, in row, column, temporal order) and keeps the best.
     */
    private void searchOrders() {
        int nBusy = 0;
        for (int p = 0; p < 3; p++) {
            int d = spatial[p];
            trips[d] = ceilDiv(size[d], tile[d]);
            if (trips[d] > 1)
                busy[nBusy++] = d;
        }
        int idle = nBusy;
        for (int p = 0; p < 3; p++)
            if (trips[spatial[p]] == 1)
                order[idle++] = spatial[p];
        for (int[] permutation : PERMUTATIONS[nBusy]) {
            for (int j = 0; j < nBusy; j++)
                order[j] = busy[permutation[j]];
            if (!cost())
                continue;
            double cycles = compute + stall;
            double traffic = trafficA + trafficB + outputWrites + outputReads;
            double primary;
            double secondary;
            if (acc.objective() == Objective.CYCLES) {
                primary = cycles;
                secondary = traffic;
            } else {
                double energy = traffic * prices.dramPjPerBit() + trafficA * prices.write(Operand.ACTIVATIONS)
                        + trafficB * prices.write(Operand.WEIGHTS) + outputReads * prices.write(Operand.OUTPUTS)
                        + outputWrites * prices.read(Operand.OUTPUTS) + cycles * prices.leakagePjPerCycle()
                        + problem.arraySramPj().applyAsDouble(revisits ? trips[time] : 1);
                if (acc.objective() == Objective.ENERGY) {
                    primary = energy;
                    secondary = cycles;
                } else {
                    primary = cycles * (energy + problem.fixedPj());
                    secondary = cycles;
                }
            }
            if (!found || primary < bestPrimary || (primary == bestPrimary && secondary < bestSecondary)) {
                found = true;
                bestPrimary = primary;
                bestSecondary = secondary;
                System.arraycopy(tile, 0, bestTile, 0, 3);
                System.arraycopy(order, 0, bestOrder, 0, 3);
            }
        }
    }

    /**
     * Costs {@link #tile} in {@link #order} into the fields above; false if its output tile does not fit (output
     * stationary with revisits keeps partial sums in the output buffer).
     */
    private boolean cost() {
        steps = trips[0] * trips[1] * trips[2];
        revisits = trips[time] > 1 && (!oneFold() || loopsInside(time));
        if (revisits && !buffersPartialSums
                && (double) tile[M] * tile[N] * outputTileBits(true) > capacityBits[C])
            return false;
        compute = problem.computeCycles()
                + (revisits ? (long) Math.ceil(problem.folds() * (trips[time] - 1) * problem.revisitCycles()) : 0);
        for (int o = 0; o < 3; o++) {
            int depends = DEPENDS[o];
            int innermost = -1;
            for (int i = 0; i < 3; i++)
                if (trips[order[i]] > 1 && (depends & 1 << order[i]) != 0)
                    innermost = i;
            long l = 1;
            long r = 1;
            for (int i = 0; i <= innermost; i++) {
                l *= trips[order[i]];
                if ((depends & 1 << order[i]) == 0)
                    r *= trips[order[i]];
            }
            loads[o] = l;
            refetch[o] = r;
        }
        trafficA = (double) size[M] * size[K] * elementBits[A] * refetch[A];
        trafficB = (double) size[K] * size[N] * elementBits[B] * refetch[B];
        long spills = refetch[C] - 1;
        double outputs = (double) size[M] * size[N];
        outputWrites = outputs * (problem.outputBits() + spills * acc.partialSumBits());
        outputReads = outputs * spills * acc.partialSumBits();

        double a = trafficA / loads[A] / bitsPerCycle;
        double b = trafficB / loads[B] / bitsPerCycle;
        // Outputs go out at every one of C's boundaries and once after the last step; spilled partial sums come back
        // only at the boundaries (the first step has none to read), so all of them are spread over those.
        double lastWrite = outputWrites / loads[C] / bitsPerCycle;
        double c = lastWrite + (loads[C] > 1 ? outputReads / (loads[C] - 1) / bitsPerCycle : 0);
        stall = a + b + lastWrite + overlapStalls(a, b, c);
        return true;
    }

    /** Whether a loop with more than one trip sits inside loop {@code d} in {@link #order}. */
    private boolean loopsInside(int d) {
        boolean inside = false;
        for (int i = 0; i < 3; i++) {
            if (inside && trips[order[i]] > 1)
                return true;
            if (order[i] == d)
                inside = true;
        }
        return false;
    }

    /**
     * Stalls of the steps between the first and the last: the step boundaries 1..S−1 where an operand with period
     * P loads are the multiples of P, S/P − 1 of them; the periods divide one another, so a boundary that is a
     * multiple of one period is a multiple of every smaller one and carries all their loads.
     */
    private double overlapStalls(double a, double b, double c) {
        double perStep = (double) compute / steps;
        long pa = steps / loads[A];
        long pb = steps / loads[B];
        long pc = steps / loads[C];
        double total = 0;
        long p = 0;
        while (true) {
            long next = Long.MAX_VALUE;
            if (pa > p && pa < next)
                next = pa;
            if (pb > p && pb < next)
                next = pb;
            if (pc > p && pc < next)
                next = pc;
            if (p > 0) {
                double work = (pa <= p ? a : 0) + (pb <= p ? b : 0) + (pc <= p ? c : 0);
                long boundaries = steps / p - (next >= steps ? 1 : steps / next);
                if (work > perStep)
                    total += boundaries * (work - perStep);
            }
            if (next >= steps)
                return total;
            p = next;
        }
    }

    private String nothingFits() {
        tile[row] = Math.min(rowUnit, size[row]);
        tile[col] = Math.min(colUnit, size[col]);
        tile[time] = shortestChunk();
        StringBuilder why = new StringBuilder();
        for (Operand o : OPERANDS) {
            double bits = 1;
            for (GemmDim d : o.dims())
                bits *= tile[d.ordinal()];
            bits *= o == Operand.OUTPUTS ? outputTileBits(false) : elementBits[o.ordinal()];
            long needed = (long) Math.ceil(2 * bits / 8);
            Buffer b = acc.buffers().of(o);
            if (needed > b.bytes())
                why.append("; the %s buffer needs %d bytes for two tiles and has %d".formatted(
                        o.bufferName(), needed, b.bytes()));
        }
        return ("GEMM %s (m×n×k) on a %s array, %s: no tile fits the buffers; the smallest is one fold, %dx%dx%d%s; "
                + "give it larger buffers or a smaller array").formatted(problem.shape(), acc.array(),
                acc.dataflow().id(), tile[M], tile[N], tile[K], why);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
