package org.bitsweep.sweep.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.spec.PeArraySpec;
import org.bitsweep.sweep.file.Problems;
import org.bitsweep.sweep.file.GemmInputs;
import org.bitsweep.sweep.model.AccuracySpec;
import org.bitsweep.sweep.model.Axis;
import org.bitsweep.sweep.model.BitBudget;
import org.bitsweep.sweep.model.Constraint;
import org.bitsweep.sweep.model.DesignPoint;
import org.bitsweep.sweep.model.GemmSpec;
import org.bitsweep.sweep.model.GranularityChoice;
import org.bitsweep.sweep.model.Quantization;
import org.bitsweep.sweep.model.SweepCase;
import org.bitsweep.sweep.model.SweepKnobs;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.sweep.model.WeightQuantization;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.eval.GemmQuantization;
import org.bitsweep.workloads.format.MixtureFormat;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.format.OliveFormat;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.LayerPatterns;
import org.bitsweep.workloads.quant.QuantConfig;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * The checks that need several settings at once, made before any work on the combinations that exist: after
 * {@code zip}, {@code cases} and the parameter constraints, not on the cross product of every axis. A PE that cannot
 * run a weight format is an error only where some point pairs them. Each error names the line of the setting a user
 * would change, in the case that sets it.
 *
 * <p>With parameter constraints, the combinations that exist are found by scanning the case's points, up to
 * {@link #SCAN_LIMIT} of them; a larger case is checked on every combination of its axes, so an error there may
 * name a pairing the constraints remove (restructure with {@code cases:} to avoid it).
 */
public final class SpaceChecks {
    static final long SCAN_LIMIT = 1_000_000;
    /** Parameter-only constraints are checked against at most this many points for a contradiction. */
    static final long CONTRADICTION_SCAN_LIMIT = 10_000_000;

    private final DesignSpace space;
    private final SweepFile sweep;
    private final Problems problems;

    private SpaceChecks(DesignSpace space) {
        this.space = space;
        this.sweep = space.sweep();
        this.problems = new Problems(sweep.locations());
    }

    /** @throws UserInputException listing every problem, one per line */
    public static void check(DesignSpace space) {
        SpaceChecks c = new SpaceChecks(space);
        c.checkGemmFiles();
        for (int i = 0; i < space.cases(); i++)
            c.checkCase(i);
        c.problems.throwIfAny();
        c.checkSatisfiable();
        c.problems.throwIfAny();
    }

    private void checkCase(int caseIndex) {
        CaseSpace cs = space.caseSpace(caseIndex);
        SweepCase sc = cs.sweepCase;
        AccuracySpec accuracy = sweep.accuracy();
        List<String> support = new ArrayList<>(List.of("quantization.weights", "quantization.activations",
                "quantization.layers", SweepKnobs.ALLOCATE_KEY));
        cs.point(space.offset(caseIndex), cs.valueIndex(0)).target().supportKnobs()
                .forEach(k -> support.add("target." + k.name()));
        List<List<String>> checks = new ArrayList<>();
        checks.add(List.of("quantization.weights", "quantization.granularity"));
        checks.add(List.of("quantization.weights", "quantization.granularity", "workload"));
        checks.add(support);
        List<String> measured = new ArrayList<>(List.of("quantization.weights", "quantization.granularity",
                "quantization.activations", "quantization.kv_cache", "quantization.layers", SweepKnobs.ALLOCATE_KEY));
        if (accuracy.throughPe())
            measured.addAll(List.of("target.pe", "target.accumulator_bits"));
        checks.add(measured);
        List<String> attention = new ArrayList<>(List.of("workload", "workload.layers", "quantization.kv_cache",
                "quantization.activations"));
        cs.point(space.offset(caseIndex), cs.valueIndex(0)).target().attentionKnobs()
                .forEach(k -> attention.add("target." + k.name()));
        checks.add(attention);
        checks.add(List.of("quantization.granularity", "quantization.layers", SweepKnobs.ALLOCATE_KEY, "workload",
                "workload.layers"));
        List<Map<List<Integer>, DesignPoint>> reps = representatives(caseIndex, checks);

        String granularityAt = pointer(sc, "quantization.granularity");
        for (DesignPoint p : reps.get(0).values())
            try {
                QuantConfig.of(p.quantization().weights(), p.quantization().granularity());
            } catch (UserInputException e) {
                problems.add(granularityAt, e.getMessage());
            }
        for (DesignPoint p : reps.get(1).values())
            groupsDivide(p, granularityAt, caseIndex);
        for (DesignPoint p : reps.get(2).values()) {
            p.target().unsupported(p.quantization().formats()).ifPresent(u ->
                    problems.add(pointer(sc, "target." + u.knob().name()), u.message()));
            List<OperandFormats> perLayer = p.quantization().linearFormats();
            for (OperandFormats f : perLayer.subList(1, perLayer.size()))
                p.target().unsupported(f).ifPresent(u -> problems.add(perLayerPointer(sc), "%s: target.%s: %s"
                        .formatted(f.weight().name(), u.knob().name(), u.message())));
        }
        if (accuracy.isTop1())
            for (DesignPoint p : reps.get(3).values())
                top1Runs(p, sc);
        if (accuracy.isOutput())
            for (DesignPoint p : reps.get(3).values())
                outputRuns(p, sc);
        for (DesignPoint p : reps.get(5).values())
            perLayerRuns(p, sc);
        // A point whose linear layers the target already refuses is reported once, for that: the attention
        // refusal would repeat the same contradiction.
        for (DesignPoint p : reps.get(4).values())
            if (p.workload().workload().layers().stream().anyMatch(l -> l.layerClass().isAttention())
                    && p.target().unsupported(p.quantization().formats()).isEmpty())
                p.target().unsupportedAttention(p.quantization().formats(),
                        p.quantization().attentionFormats()).ifPresent(u ->
                        problems.add(pointer(sc, "target." + u.knob().name()), u.message()));
    }

    /** Where a point's per-layer formats are set: quantization.layers or quantization.allocate. */
    private static String perLayerPointer(SweepCase sc) {
        return sc.axis("quantization.layers").or(() -> sc.axis(SweepKnobs.ALLOCATE_KEY)).map(Axis::pointer)
                .orElse(sc.pointer() + "/quantization");
    }

    /**
     * Per-layer formats: each quantizes as given; quantization.layers' patterns each match a weight layer of the
     * workload and, for top1, of the model; an allocation's model has the workload's layers to give formats to.
     */
    private void perLayerRuns(DesignPoint p, SweepCase sc) {
        Quantization q = p.quantization();
        if (q.layers().isEmpty() && q.allocate().isEmpty())
            return;
        String at = perLayerPointer(sc);
        Map<String, WeightQuantization> weights = q.layers().isEmpty() ? q.allocate().get().candidates()
                : q.layers().byPattern();
        for (Map.Entry<String, WeightQuantization> e : weights.entrySet())
            try {
                e.getValue().config();
            } catch (UserInputException x) {
                problems.add(at, "%s: %s".formatted(e.getKey(), x.getMessage()));
            }
        List<String> workloadLayers = p.workload().workload().layers().stream()
                .filter(l -> l.kind() == LayerKind.WEIGHT).map(Layer::name).toList();
        AccuracySpec accuracy = sweep.accuracy();
        List<String> modelLayers = accuracy.isTop1() ? modelLayers(accuracy.model()) : List.of();
        if (!q.layers().isEmpty()) {
            try {
                LayerPatterns.resolve(q.layers().byPattern(), workloadLayers, "workload " + p.workload().spec());
            } catch (UserInputException x) {
                problems.add(at, x.getMessage());
            }
            if (accuracy.isTop1())
                try {
                    LayerPatterns.resolve(q.layers().byPattern(), modelLayers, "accuracy.model " + accuracy.model());
                } catch (UserInputException x) {
                    problems.add(at, x.getMessage());
                }
            return;
        }
        List<String> missing = modelLayers.stream().filter(l -> !workloadLayers.contains(l)).toList();
        if (!missing.isEmpty())
            problems.add(at, ("allocates formats to the layers of accuracy.model %s (%s), but workload %s has no layer "
                    + "%s; its weight layers are: %s; run the model itself (workload: %s)").formatted(accuracy.model(),
                    String.join(", ", modelLayers), p.workload().spec(), String.join(", ", missing),
                    String.join(", ", workloadLayers), accuracy.model()));
    }

    private static List<String> modelLayers(String model) {
        Network net = FashionModels.architecture(model);
        return net.weightedLayers().stream().map(i -> net.weighted(i).name()).toList();
    }

    /**
     * What an output metric must be able to compute: the activations (queries) and the weights (with attention, the
     * KV cache) quantized as accuracy.gemm scales them, and, through the PE, its arithmetic over them.
     */
    private void outputRuns(DesignPoint p, SweepCase sc) {
        GemmSpec g = sweep.accuracy().gemm();
        Quantization q = p.quantization();
        QuantConfig x;
        QuantConfig w;
        try {
            x = QuantConfig.of(q.activations(), GemmSpec.granularity(g.activationGranularity(), q.activations()))
                    .withCalibration(g.activationClip());
        } catch (UserInputException e) {
            problems.add(pointer(sc, "quantization.activations"), "as accuracy.gemm scales them "
                    + "(activation_granularity " + g.activationGranularity() + "): " + e.getMessage());
            return;
        }
        try {
            w = g.attention() ? QuantConfig.of(q.kvCache(), GemmSpec.granularity(g.kvGranularity(), q.kvCache()))
                    .withCalibration(g.weightClip())
                    : QuantConfig.of(q.weights(), q.granularity()).withCalibration(g.weightClip());
        } catch (UserInputException e) {
            problems.add(pointer(sc, g.attention() ? "quantization.kv_cache" : "quantization.granularity"),
                    e.getMessage());
            return;
        }
        GemmQuantization gq = GemmQuantization.of(x, w);
        if (g.decomposition().isPresent())
            gq = gq.withDecomposition(g.decomposition().get());
        if (!sweep.accuracy().throughPe() || !(p.target() instanceof PeArraySpec t))
            return;
        OperandFormats formats = g.attention() ? q.attentionFormats() : q.formats();
        PeModel pe = PeCatalog.create(t.pe(), new PeParams(t.accumulatorBitsFor(List.of(formats)), Overflow.WRAP));
        if (!pe.supports(formats))
            return;                                         // reported with the simulator's checks
        try {
            gq.withArithmetic(pe.macSupplier());
        } catch (UserInputException e) {
            problems.add("/accuracy/through_pe", "true, but " + e.getMessage()
                    + " (through_pe: false measures the output error with exact dot products)");
        }
    }

    /** The output metrics' tensor files: each readable, holding the tensors named, and their shapes multiplying. */
    private void checkGemmFiles() {
        if (!sweep.accuracy().isOutput())
            return;
        GemmSpec g = sweep.accuracy().gemm();
        if (g.activationFile() == null && g.syntheticB())
            return;
        try {
            GemmInputs.of(g, sweep.seed(), GemmSpec.NAN_ADVICE, key -> key + ":");
        } catch (UserInputException e) {
            String message = e.getMessage();
            String at = "/accuracy/gemm";
            for (String key : List.of("activation_file", "weight_file", "key_file"))
                if (message.startsWith(key + ": ")) {
                    at = "/accuracy/gemm/" + key;
                    message = message.substring(key.length() + 2);
                }
            problems.add(at, message);
        }
    }

    private void groupsDivide(DesignPoint p, String at, int caseIndex) {
        if (!(p.quantization().granularity() instanceof Granularity.PerGroup group))
            return;
        boolean auto = space.caseSpace(caseIndex).sweepCase.axis("quantization.granularity")
                .map(a -> a.values().stream().anyMatch(v -> ((GranularityChoice) v).isAuto())).orElse(false);
        for (Layer layer : p.workload().workload().layers())
            if (layer.kind() == LayerKind.WEIGHT && layer.shape().k() % group.size() != 0) {
                problems.add(at, "group size %d does not divide k = %d of layer \"%s\" of %s%s".formatted(group.size(),
                        layer.shape().k(), layer.name(), p.workload().spec(), auto
                                ? " (granularity auto gives %s groups of %d; set quantization.granularity, e.g. "
                                .formatted(p.quantization().weights().name(), group.size()) + "channel:0)" : ""));
                return;
            }
    }

    /**
     * What reference inference must be able to run for top1: the weight quantization with the activation format (one
     * scale per tensor), and, through the PE, the point's PE and accumulator width with them.
     */
    private void top1Runs(DesignPoint p, SweepCase sc) {
        NumberFormat a = p.quantization().activations();
        if (a instanceof MxFormat || a instanceof MixtureFormat || a instanceof OliveFormat) {
            problems.add(pointer(sc, "quantization.activations"), ("%s shares scales or types within blocks; top1 "
                    + "quantizes activations with one calibrated scale per tensor, in an element format such as int8, "
                    + "uint8, fp8-e4m3 or nf4").formatted(a.name()));
            return;
        }
        QuantConfig wq;
        try {
            wq = QuantConfig.of(p.quantization().weights(), p.quantization().granularity());
        } catch (UserInputException e) {
            return;                                         // reported at quantization.granularity
        }
        InferenceConfig config;
        try {
            config = InferenceConfig.of(wq, QuantConfig.of(a, Granularity.TENSOR));
        } catch (UserInputException e) {
            problems.add(pointer(sc, "quantization.activations"), e.getMessage());
            return;
        }
        List<InferenceConfig> perLayer = new ArrayList<>();
        Map<String, WeightQuantization> layers = p.quantization().layers().isEmpty()
                ? p.quantization().allocate().map(BitBudget::candidates).orElse(Map.of())
                : p.quantization().layers().byPattern();
        for (WeightQuantization w : layers.values())
            try {
                perLayer.add(InferenceConfig.of(w.config(), QuantConfig.of(a, Granularity.TENSOR)));
            } catch (UserInputException e) {
                // reported with the per-layer checks
            }
        if (!sweep.accuracy().throughPe() || !(p.target() instanceof PeArraySpec t))
            return;
        PeModel pe = PeCatalog.create(t.pe(), new PeParams(t.accumulatorBitsFor(List.of(p.quantization().formats())),
                Overflow.WRAP));
        if (!pe.supports(p.quantization().formats()))
            return;                                         // reported with the simulator's checks
        perLayer.add(0, config);
        for (InferenceConfig c : perLayer)
            try {
                c.withArithmetic(pe.macSupplier());
            } catch (UserInputException e) {
                problems.add("/accuracy/through_pe", "true, but " + e.getMessage()
                        + " (through_pe: false measures top1 with reference dot products)");
                return;
            }
    }

    private static String pointer(SweepCase sc, String key) {
        return sc.axis(key).map(a -> a.pointer()).orElse(sc.pointer() + "/" + key.replace('.', '/'));
    }

    /**
     * For each check (a list of axis keys), one point for every distinct combination of those axes' values among
     * the points that exist.
     */
    private List<Map<List<Integer>, DesignPoint>> representatives(int caseIndex, List<List<String>> checks) {
        CaseSpace cs = space.caseSpace(caseIndex);
        long offset = space.offset(caseIndex);
        List<int[]> digitsOf = new ArrayList<>();
        for (List<String> keys : checks)
            digitsOf.add(keys.stream().mapToInt(cs::digitOf).filter(d -> d >= 0).distinct().sorted().toArray());
        List<Map<List<Integer>, DesignPoint>> reps = new ArrayList<>();
        checks.forEach(c -> reps.add(new LinkedHashMap<>()));
        if (space.hasParameterConstraints() && cs.size <= SCAN_LIMIT) {
            for (long local = 0; local < cs.size; local++) {
                int[] digitValues = digitValues(cs, local);
                DesignPoint p = null;
                for (int c = 0; c < checks.size(); c++) {
                    List<Integer> key = combo(digitValues, digitsOf.get(c));
                    if (reps.get(c).containsKey(key))
                        continue;
                    if (p == null) {
                        p = cs.point(offset + local, cs.valueIndex(local));
                        if (!space.meetsParameterConstraints(p))
                            break;
                    }
                    reps.get(c).put(key, p);
                }
            }
            return reps;
        }
        for (int c = 0; c < checks.size(); c++) {
            int[] ds = digitsOf.get(c);
            int[] digitValues = new int[cs.digits.size()];
            long combos = 1;
            for (int d : ds)
                combos = Math.multiplyExact(combos, cs.radix[d]);
            for (long k = 0; k < Math.min(combos, SCAN_LIMIT); k++) {
                long rest = k;
                for (int j = ds.length - 1; j >= 0; j--) {
                    digitValues[ds[j]] = (int) (rest % cs.radix[ds[j]]);
                    rest /= cs.radix[ds[j]];
                }
                long local = cs.local(digitValues);
                reps.get(c).put(combo(digitValues, ds), cs.point(offset + local, cs.valueIndex(local)));
            }
        }
        return reps;
    }

    private static int[] digitValues(CaseSpace cs, long local) {
        int[] v = new int[cs.digits.size()];
        long rest = local;
        for (int d = cs.digits.size() - 1; d >= 0; d--) {
            v[d] = (int) (rest % cs.radix[d]);
            rest /= cs.radix[d];
        }
        return v;
    }

    private static List<Integer> combo(int[] digitValues, int[] digits) {
        List<Integer> key = new ArrayList<>(digits.length);
        for (int d : digits)
            key.add(digitValues[d]);
        return key;
    }

    /**
     * Parameter-only constraints that no point of the space meets contradict each other or the axes: stop before
     * any work. Spaces larger than {@link #CONTRADICTION_SCAN_LIMIT} are scanned that far only.
     */
    private void checkSatisfiable() {
        List<Constraint> paramOnly = sweep.constraints().stream().filter(c -> !c.fromMetrics()).toList();
        if (paramOnly.isEmpty())
            return;
        long scan = Math.min(space.size(), CONTRADICTION_SCAN_LIMIT);
        for (long id = 0; id < scan; id++)
            if (space.meetsParameterConstraints(space.point(id)))
                return;
        if (scan < space.size())
            return;
        problems.add("/constraints", "no point of the %d in the design space meets all of: %s; the constraints "
                .formatted(space.size(), String.join("; ", paramOnly.stream().map(c -> c.expression().text()).toList()))
                + "contradict each other or the axes' values");
    }
}
