package org.bitsweep.workloads.precision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * HAWQ-V3's bit allocation (Yao et al., ICML 2021, §3.3) as an integer linear program: a binary x[l][f] per layer l
 * and candidate format f, exactly one format per layer, the summed cost within the budget, and the summed
 * sensitivity as small as it can be:
 * <pre>  minimise Σ drop[l][f]·x[l][f]   s.t.  Σ_f x[l][f] = 1 for every l,   Σ cost[l][f]·x[l][f] <= B,</pre>
 * with cost the layer's weight bits (parameters · bits per weight at f, scales included, a whole number of bits) or
 * its energy at f (counted in whole femtojoules), and B the budget floored to the same unit.
 * Among allocations with the least drop (within {@link #TIE}) the cheapest is taken, by a second program, so that the
 * answer does not depend on the solver's path. Solved with ojAlgo's pure-Java MIP solver (branch and bound over its
 * simplex).
 */
public final class PrecisionAllocator {
    static {
        // ojAlgo prints a banner about hardware profiles to standard output on first use, into our JSON; its own
        // switch turns that off.
        if (System.getProperty("shut.up.ojAlgo") == null)
            System.setProperty("shut.up.ojAlgo", "true");
    }

    /**
     * Objectives closer than this are equal: measured drops are multiples of 1/images, at least 10^−5 apart for up
     * to 100,000 images, and this stays well above the solver's feasibility tolerance.
     */
    static final double TIE = 1e-7;
    /** Up to this many allocations, every one is listed to certify the solver's answer. */
    static final double MAX_ENUMERATED = 1 << 20;
    static final String SOLVER = "ILP (ojAlgo " + ojAlgoVersion() + ")";
    /** Energies are counted in femtojoules. */
    static final double ENERGY_QUANTUM_PJ = 1e-3;

    private PrecisionAllocator() {
    }

    /**
     * The allocation of least predicted drop within the budget.
     *
     * @throws UserInputException when even the cheapest format everywhere exceeds the budget, saying what the least
     *                            budget is
     */
    public static Allocation allocate(SensitivityTable table, Budget budget) {
        int layers = table.layers().size();
        int formats = table.formats().size();
        double[][] cost = new double[layers][formats];
        double[][] drop = new double[layers][formats];
        for (int l = 0; l < layers; l++)
            for (int f = 0; f < formats; f++) {
                cost[l][f] = cost(table, budget, l, f);
                drop[l][f] = table.layers().get(l).cells().get(f).drop();
            }
        // Costs are counted in whole quanta (a bit of storage, a femtojoule) and the limit floored to one, so that the
        // solver compares integers; a layer's storage is a whole number of bits anyway (its codes and scales).
        double quantum = budget instanceof Budget.BitsPerWeight ? 1 : ENERGY_QUANTUM_PJ;
        for (double[] row : cost)
            for (int f = 0; f < formats; f++)
                row[f] = Math.rint(row[f] / quantum);
        double limit = Math.floor((budget instanceof Budget.BitsPerWeight b ? b.bitsPerWeight() * table.parameters()
                : ((Budget.EnergyPj) budget).maxEnergyPj()) / quantum);
        double least = 0;
        for (double[] row : cost)
            least += java.util.Arrays.stream(row).min().orElseThrow();
        if (least > limit)
            throw new UserInputException(("budget %s is below the cheapest allocation (every layer at its cheapest "
                    + "format): %s").formatted(describe(budget, limit * quantum, table),
                    describe(budget, least * quantum, table)));
        int[] chosen;
        String solver;
        try {
            int[] best = solve(drop, cost, limit, Double.NaN, null);
            chosen = solve(cost, cost, limit, sum(drop, best) + TIE, drop);
            solver = SOLVER;
        } catch (IllegalStateException e) {
            chosen = null;
            solver = SOLVER + " failed (" + e.getMessage() + ")";
        }
        // ojAlgo's branch and bound is not always right on these programs (PrecisionAllocatorTest's random tables
        // found it calling feasible ones infeasible and, more rarely, returning a worse allocation as optimal), so
        // where every allocation can be listed, the listing is the certificate, and the answer where they differ.
        if (Math.pow(formats, layers) <= MAX_ENUMERATED) {
            int[] exact = enumerate(drop, cost, limit);
            if (chosen == null || !sameValue(drop, cost, chosen, exact)) {
                solver = (chosen == null ? solver : SOLVER + " gave a worse allocation") + "; exhaustive search";
                chosen = exact;
            } else {
                solver += ", certified by exhaustive search";
            }
        } else if (chosen == null) {
            throw new IllegalStateException("the allocation program could not be solved: " + solver);
        }
        return allocation(table, chosen, drop, cost, limit, quantum, solver);
    }

    /**
     * Minimises Σ objective[l][x_l] subject to Σ cost[l][x_l] <= limit and, where {@code capped} is given,
     * Σ capped[l][x_l] <= cap.
     *
     * <p>Written without equality rows: each layer's cheapest format is its base, and a binary per other format
     * switches to it (at most one per layer), paying the difference in cost and in objective. The textbook form, one
     * binary per format and Σ_f x[l][f] = 1, is the same program; this one has fewer rows and no equalities.
     */
    private static int[] solve(double[][] objective, double[][] cost, double limit, double cap, double[][] capped) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.integer(IntegerStrategy.DEFAULT.withParallelism(() -> 1));
        int layers = objective.length;
        int formats = objective[0].length;
        // Every row is scaled to coefficients of at most 1 in magnitude (drops are thousandths, bits run to millions):
        // unscaled, ojAlgo returned allocations that were not the best (PrecisionAllocatorTest's random tables).
        double objectiveScale = largest(objective);
        double cappedScale = capped == null ? 1 : largest(capped);
        double costScale = largest(cost);
        int[] base = new int[layers];
        double baseCost = 0;
        double baseCapped = 0;
        for (int l = 0; l < layers; l++) {
            for (int f = 1; f < formats; f++)
                if (cost[l][f] < cost[l][base[l]])
                    base[l] = f;
            baseCost += cost[l][base[l]];
            baseCapped += capped == null ? 0 : capped[l][base[l]];
        }
        Expression spend = model.addExpression("budget").upper((limit - baseCost) / costScale);
        Expression capExpression = capped == null ? null
                : model.addExpression("cap").upper((cap - baseCapped) / cappedScale);
        Variable[][] x = new Variable[layers][formats];
        for (int l = 0; l < layers; l++) {
            // At most one switch per layer; a layer with one alternative needs no row (a binary is at most 1).
            Expression atMostOne = formats > 2 ? model.addExpression("layer" + l).upper(1) : null;
            for (int f = 0; f < formats; f++) {
                if (f == base[l])
                    continue;
                x[l][f] = model.addVariable("x" + l + "_" + f).binary()
                        .weight((objective[l][f] - objective[l][base[l]]) / objectiveScale);
                if (atMostOne != null)
                    atMostOne.set(x[l][f], 1);
                spend.set(x[l][f], (cost[l][f] - cost[l][base[l]]) / costScale);
                if (capExpression != null)
                    capExpression.set(x[l][f], (capped[l][f] - capped[l][base[l]]) / cappedScale);
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal() && result.getState() != Optimisation.State.DISTINCT)
            throw new IllegalStateException("the allocation program ended " + result.getState()
                    + " although a feasible allocation exists");
        int[] chosen = base.clone();
        for (int l = 0; l < layers; l++)
            for (int f = 0; f < formats; f++)
                if (x[l][f] != null && x[l][f].getValue().doubleValue() > 0.5) {
                    if (chosen[l] != base[l])
                        throw new IllegalStateException("layer " + l + " got two formats");
                    chosen[l] = f;
                }
        if (sum(cost, chosen) > limit * (1 + 1e-9) || capped != null && sum(capped, chosen) > cap + TIE)
            throw new IllegalStateException("the solver's allocation breaks a constraint: cost %s of %s, capped %s of %s"
                    .formatted(sum(cost, chosen), limit, capped == null ? 0 : sum(capped, chosen), cap));
        return chosen;
    }

    /** The ojAlgo version on the class path, from its Maven metadata. */
    private static String ojAlgoVersion() {
        try (java.io.InputStream in = ExpressionsBasedModel.class.getResourceAsStream(
                "/META-INF/maven/org.ojalgo/ojalgo/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null)
                p.load(in);
            return p.getProperty("version", "unknown version");
        } catch (java.io.IOException e) {
            return "unknown version";
        }
    }

    /** The allocation of least drop within the limit, the cheapest among equal drops, by listing them all. */
    static int[] enumerate(double[][] drop, double[][] cost, double limit) {
        int layers = drop.length;
        int formats = drop[0].length;
        int[] pick = new int[layers];
        int[] best = null;
        double bestDrop = Double.POSITIVE_INFINITY;
        double bestCost = Double.POSITIVE_INFINITY;
        long count = (long) Math.pow(formats, layers);
        for (long code = 0; code < count; code++) {
            long c = code;
            for (int l = 0; l < layers; l++, c /= formats)
                pick[l] = (int) (c % formats);
            double spent = sum(cost, pick);
            if (spent > limit)
                continue;
            double d = sum(drop, pick);
            if (d < bestDrop - TIE || d <= bestDrop + TIE && spent < bestCost) {
                best = pick.clone();
                bestDrop = Math.min(d, bestDrop);
                bestCost = spent;
            }
        }
        return best;
    }

    private static boolean sameValue(double[][] drop, double[][] cost, int[] a, int[] b) {
        return Math.abs(sum(drop, a) - sum(drop, b)) <= TIE && sum(cost, a) == sum(cost, b);
    }

    /** The largest magnitude, or 1 where all are 0. */
    private static double largest(double[][] values) {
        double m = 0;
        for (double[] row : values)
            for (double v : row)
                m = Math.max(m, Math.abs(v));
        return m > 0 ? m : 1;
    }

    private static double cost(SensitivityTable table, Budget budget, int l, int f) {
        SensitivityTable.Layer layer = table.layers().get(l);
        String format = table.formats().get(f);
        if (budget instanceof Budget.BitsPerWeight)
            return layer.parameters() * layer.cells().get(f).weightBitsPerElement();
        Map<String, Double> byFormat = ((Budget.EnergyPj) budget).energyPj().get(layer.name());
        if (byFormat == null || !byFormat.containsKey(format))
            throw new UserInputException("energy budget: no energy given for layer %s at %s; give one for every layer "
                    .formatted(layer.name(), format) + "(" + layerNames(table) + ") at every format ("
                    + String.join(", ", table.formats()) + ")");
        return byFormat.get(format);
    }

    private static String layerNames(SensitivityTable table) {
        List<String> names = new ArrayList<>();
        table.layers().forEach(l -> names.add(l.name()));
        return String.join(", ", names);
    }

    static double sum(double[][] values, int[] chosen) {
        double s = 0;
        for (int l = 0; l < chosen.length; l++)
            s += values[l][chosen[l]];
        return s;
    }

    private static Allocation allocation(SensitivityTable table, int[] chosen, double[][] drop, double[][] cost,
                                         double limit, double quantum, String solver) {
        Map<String, String> formats = new LinkedHashMap<>();
        double bits = 0;
        for (int l = 0; l < chosen.length; l++) {
            SensitivityTable.Layer layer = table.layers().get(l);
            formats.put(layer.name(), table.formats().get(chosen[l]));
            bits += layer.parameters() * layer.cells().get(chosen[l]).weightBitsPerElement();
        }
        return new Allocation(formats, sum(drop, chosen), bits / table.parameters(), sum(cost, chosen) * quantum,
                limit * quantum, solver);
    }

    private static String describe(Budget budget, double amount, SensitivityTable table) {
        if (budget instanceof Budget.BitsPerWeight)
            return "%.4f bits per weight".formatted(amount / table.parameters());
        return "%.6g pJ".formatted(amount);
    }
}
