package org.bitsweep.sim.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.memory.DramTechnologies;
import org.bitsweep.cost.memory.DramTechnology;
import org.bitsweep.pe.Overflow;
import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;
import org.bitsweep.sim.SimResult;
import org.bitsweep.sim.Simulator;
import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Infeasible;
import org.bitsweep.sim.attention.AttentionUnit;
import org.bitsweep.sim.accelerator.Objective;
import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.sim.array.SystolicArray;
import org.bitsweep.sim.array.Timing;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.Buffers;
import org.bitsweep.sim.memory.Dram;
import org.bitsweep.sim.memory.SramPricing;
import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.sim.target.TargetResult;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * A PE array target: a PE model in an R×C systolic array with a dataflow, three buffers, a DRAM channel, a clock and
 * a technology node, and how it is simulated (timing model, mapper objective). Every knob is declared below with its
 * default, its check and its help; {@link #KNOBS} is the list sweep files and {@code simulate} both read.
 *
 * @param weightBufferKib     the weight buffer's size when it differs from {@code bufferKib} (SCALE-Sim configs
 *                            size the three separately); likewise the activation and output buffers
 * @param bufferBytesPerCycle what each buffer moves per cycle; empty: as much as the array asks
 * @param dram                the DRAM technology (cost-models memory/dram-technologies.yaml)
 * @param dramGbps            DRAM bandwidth; empty: the technology's default configuration's
 * @param dramPjPerBit        DRAM energy per bit; empty: the technology's
 * @param accumulatorBits     the PE's accumulator width; empty (auto): the narrowest from 32 bits up that runs every
 *                            format the array is given ({@link #accumulatorBitsFor})
 * @param areaBudgetMm2       when present, the array is the largest of the given one's shape (rows:cols) whose whole
 *                            area (PEs, buffers, dequantizers, attention unit) fits: PEs compared at equal area
 */
public record PeArraySpec(String pe, SystolicArray array, DataflowChoice dataflow, OptionalInt accumulatorBits,
                          Overflow overflow,
                          int bufferKib, OptionalInt weightBufferKib, OptionalInt activationBufferKib,
                          OptionalInt outputBufferKib, int bufferBanks, OptionalDouble bufferBytesPerCycle,
                          String dram, OptionalDouble dramGbps, OptionalDouble dramPjPerBit, double clockMhz,
                          String node, int partialSumBits, Timing timing, Objective objective, SramPricing sram,
                          int bufferWidthBits, AttentionPlacement attention, int attentionLanes,
                          OptionalDouble areaBudgetMm2) implements TargetSpec {
    public static final String KIND = "pe-array";
    private static final Pattern ARRAY = Pattern.compile("(\\d+)\\s*[xX×]\\s*(\\d+)");
    private static final String ARRAY_USAGE = "valid: ROWSxCOLS (e.g. 16x16) or one integer for a square array, each "
            + "1 to " + SystolicArray.MAX_DIM;
    private static final String UNLIMITED = "unlimited";
    /**
     * Where {@code accumulator_bits: auto} starts: a 32-bit accumulator, the width of the int-mac baseline and of an
     * fp32 accumulator, so points whose products fit it keep it.
     */
    private static final int AUTO_ACCUMULATOR_FROM = 32;
    private static final List<String> PE_IDS = PeCatalog.ids();
    private static final List<String> NODES = AsicCostModel.nodes();
    private static final Map<String, AsicCostModel> COSTS = new ConcurrentHashMap<>();

    public static final Knob<String> PE = Knob.of("pe", String.class, PeCatalog.ids().get(0), "NAME",
            "the PE model; bitsweep pes lists them", String.join(", ", PeCatalog.ids()),
            Parsers.choice("PE", PeCatalog.ids(), id -> id), Range.NONE);
    /** The default array: BitMoD's simulator's prefill array (bitmod_sim/test_bitmod.py, pe_array_dim). */
    public static final Knob<SystolicArray> ARRAY_KNOB = Knob.of("array", SystolicArray.class,
            new SystolicArray(32, 32), "RxC", "PE rows x columns", "ROWSxCOLS (e.g. 16x32) or one integer for a square array; 1 to "
                    + SystolicArray.MAX_DIM + " each", PeArraySpec::array, Range.NONE);
    public static final Knob<Integer> ROWS = Knob.of("rows", Integer.class, null, "R",
            "PE rows, as an axis of its own (instead of array)", "1 to " + SystolicArray.MAX_DIM,
            Parsers.integer(1, SystolicArray.MAX_DIM), Range.INTEGER);
    public static final Knob<Integer> COLS = Knob.of("cols", Integer.class, null, "C",
            "PE columns, as an axis of its own (instead of array)", "1 to " + SystolicArray.MAX_DIM,
            Parsers.integer(1, SystolicArray.MAX_DIM), Range.INTEGER);
    public static final Knob<DataflowChoice> DATAFLOW = new Knob<>("dataflow", DataflowChoice.class,
            DataflowChoice.of(Dataflow.OS), "DF",
            "how a GEMM maps onto the array: os, ws, is (output, weight, input stationary, systolic) or dp (dot-product "
                    + "lanes: outputs down the rows, tokens across); several (os+dp) or auto: the mapper picks per "
                    + "layer; docs/simulator.md", "os, ws, is, dp, auto, or several joined by +",
            DataflowChoice::parse, DataflowChoice::id, Range.NONE);
    public static final Knob<OptionalInt> ACCUMULATOR_BITS = new Knob<>("accumulator_bits", OptionalInt.class,
            OptionalInt.empty(), "N", "the PE's accumulator width; auto: the narrowest from " + AUTO_ACCUMULATOR_FROM
            + " bits up that holds the point's products; for fp-mac and lmul 16 is an fp16 and 32 an fp32 accumulator",
            Parsers.AUTO + ", or " + PeParams.MIN_ACC_BITS + " to " + PeParams.MAX_ACC_BITS + "; must hold one full "
            + "product", Parsers.autoInteger(PeParams.MIN_ACC_BITS, PeParams.MAX_ACC_BITS), Parsers::plain,
            Range.INTEGER);
    public static final Knob<Overflow> OVERFLOW = new Knob<>("overflow", Overflow.class, Overflow.WRAP, "O",
            "integer accumulator overflow", Overflow.validIds(),
            Parsers.choice("overflow", List.of(Overflow.values()), Overflow::id), Overflow::id, Range.NONE);
    public static final Knob<Integer> BUFFER_KIB = Knob.of("buffer_kib", Integer.class, 256, "N",
            "size of each of the three buffers (weights, activations, outputs), KiB", "1 to 1048576",
            Parsers.integer(1, 1 << 20), Range.INTEGER);
    public static final Knob<OptionalInt> WEIGHT_BUFFER_KIB = autoKib("weight_buffer_kib", "weight");
    public static final Knob<OptionalInt> ACTIVATION_BUFFER_KIB = autoKib("activation_buffer_kib", "activation");
    public static final Knob<OptionalInt> OUTPUT_BUFFER_KIB = autoKib("output_buffer_kib", "output");
    public static final Knob<Integer> BUFFER_BANKS = Knob.of("buffer_banks", Integer.class, 1, "N",
            "banks per buffer; an access is priced at one bank's size", "1 to 4096",
            Parsers.integer(1, 4096), Range.INTEGER);
    public static final Knob<OptionalDouble> BUFFER_BYTES_PER_CYCLE = new Knob<>("buffer_bytes_per_cycle",
            OptionalDouble.class, OptionalDouble.empty(), "X",
            "what each buffer can move per cycle, bytes; a narrower port than the array asks for stretches compute",
            UNLIMITED + " (as much as the array asks), or a number > 0",
            Parsers.wordOrPositive(UNLIMITED), v -> Parsers.plain(v, UNLIMITED), Range.REAL);
    public static final Knob<String> DRAM = Knob.of("dram", String.class, "ddr3-horowitz", "TECH",
            "the DRAM technology, which sets the bandwidth and the energy per bit (docs/cost-models.md); ddr3-horowitz "
                    + "is Horowitz's DDR3-era figure at a round 64 GB/s", String.join(", ", DramTechnologies.ids()),
            Parsers.choice("DRAM technology", DramTechnologies.ids(), id -> id), Range.NONE);
    public static final Knob<OptionalDouble> DRAM_GBPS = new Knob<>("dram_gbps", OptionalDouble.class,
            OptionalDouble.empty(), "X", "DRAM bandwidth, GB/s",
            Parsers.AUTO + " (the technology's default configuration), or a number > 0",
            Parsers.wordOrPositive(Parsers.AUTO), v -> Parsers.plain(v, Parsers.AUTO), Range.REAL);
    public static final Knob<OptionalDouble> DRAM_PJ_PER_BIT = new Knob<>("dram_pj_per_bit", OptionalDouble.class,
            OptionalDouble.empty(), "X", "DRAM energy per bit moved, pJ",
            Parsers.AUTO + " (the technology's), or a number > 0",
            Parsers.wordOrPositive(Parsers.AUTO), v -> Parsers.plain(v, Parsers.AUTO), Range.REAL);
    public static final Knob<SramPricing> SRAM = new Knob<>("sram", SramPricing.class, SramPricing.CACTI_LSTP, "S",
            "how the buffers are priced: cacti-lstp or cacti-hp (CACTI 7 energy per access, area and leakage by "
                    + "capacity, width and banks, low-standby-power or high-performance cells) or horowitz (Horowitz's "
                    + "read energies, no area or leakage)", "cacti-lstp, cacti-hp, horowitz",
            Parsers.choice("SRAM pricing", List.of(SramPricing.values()), SramPricing::id), SramPricing::id,
            Range.NONE);
    public static final Knob<Integer> BUFFER_WIDTH_BITS = Knob.of("buffer_width_bits", Integer.class,
            Accelerator.DEFAULT_BUFFER_WIDTH_BITS, "N", "bits of one buffer access, as CACTI prices it",
            "32 to 1024", Parsers.integer(32, 1024), Range.INTEGER);
    public static final Knob<AttentionPlacement> ATTENTION = new Knob<>("attention", AttentionPlacement.class,
            AttentionPlacement.AUTO, "U",
            "where attention (Q·Kᵀ, P·V against the KV cache) runs: on the PE array, on an fp16 or int8 attention unit, "
                    + "or auto: the array when its PE runs the KV cache's formats, else an fp16 unit",
            "auto, array, fp16, int8", Parsers.choice("attention placement", AttentionPlacement.ALL,
                    AttentionPlacement::id), AttentionPlacement::id, Range.NONE);
    public static final Knob<Integer> ATTENTION_LANES = Knob.of("attention_lanes", Integer.class, 256, "N",
            "MACs per cycle of the attention unit (attention does one MAC per KV-cache element it reads, so 256 fp16 "
                    + "lanes keep up with 512 B per cycle, HBM3 at 1 GHz)", "1 to " + AttentionUnit.MAX_LANES,
            Parsers.integer(1, AttentionUnit.MAX_LANES), Range.INTEGER);
    public static final Knob<OptionalDouble> AREA_BUDGET_MM2 = new Knob<>("area_budget_mm2", OptionalDouble.class,
            OptionalDouble.empty(), "X", "when given, the array is the largest of array's shape (rows:cols) whose "
                    + "whole area (PEs, buffers, dequantizers, attention unit) fits, mm²: PEs compared at equal area",
            "none, or a number > 0", Parsers.wordOrPositive("none"), v -> Parsers.plain(v, "none"), Range.REAL);
    public static final Knob<Double> CLOCK_MHZ = Knob.of("clock_mhz", Double.class, 1000.0, "F", "clock, MHz",
            "a number > 0", Parsers.positive(), Range.REAL);
    public static final Knob<String> NODE = Knob.of("node", String.class, "45nm", "N",
            "ASIC technology node: 45nm (Horowitz), others scaled from it by Stillmaker & Baas",
            String.join(", ", AsicCostModel.nodes()), PeArraySpec::node, Range.NONE);
    public static final Knob<Integer> PARTIAL_SUM_BITS = Knob.of("partial_sum_bits", Integer.class,
            Accelerator.DEFAULT_PARTIAL_SUM_BITS, "N",
            "width of partial sums kept in the output buffer or spilled to DRAM", "1 to 64", Parsers.integer(1, 64),
            Range.INTEGER);
    public static final Knob<Timing> TIMING = new Knob<>("timing", Timing.class, Timing.BITSWEEP, "T",
            "compute timing: bitsweep (fill, stream and drain of every fold) or scalesim (SCALE-Sim v2.0.2's "
                    + "stall-free total; docs/simulator.md)", "bitsweep, scalesim",
            Parsers.choice("timing", List.of(Timing.values()), Timing::id), Timing::id, Range.NONE);
    public static final Knob<Objective> OBJECTIVE = new Knob<>("objective", Objective.class, Objective.EDP, "O",
            "what the mapper minimises per layer (and, with several dataflows, picks each layer's by): cycles, energy, "
                    + "or edp, their product", "cycles, energy, edp",
            Parsers.choice("objective", List.of(Objective.values()), Objective::id), Objective::id, Range.NONE);
    /** Not a field: a SCALE-Sim .cfg whose array, dataflow, buffers and banks become the defaults of those knobs. */
    public static final Knob<String> SCALESIM_CONFIG = Knob.of("scalesim_config", String.class, "none", "FILE",
            "a SCALE-Sim .cfg: its ArrayHeight, ArrayWidth, Dataflow, Ifmap/Filter/OfmapSramSzkB and MemoryBanks set "
                    + "those knobs unless given; relative to the sweep file", "none, or a path to a .cfg file",
            Raw::text, Range.NONE);

    /**
     * Every knob of a PE array but {@code kind}, in the order files and {@code --help} list them; a sweep enumerates
     * its axes in this order, the last varying fastest (the knobs older files know keep their old order).
     */
    public static final List<Knob<?>> KNOBS = List.of(PE, ARRAY_KNOB, ROWS, COLS, DATAFLOW, ACCUMULATOR_BITS,
            OVERFLOW, BUFFER_KIB, CLOCK_MHZ, DRAM_GBPS, TIMING, NODE, WEIGHT_BUFFER_KIB, ACTIVATION_BUFFER_KIB,
            OUTPUT_BUFFER_KIB, BUFFER_BANKS, BUFFER_BYTES_PER_CYCLE, DRAM_PJ_PER_BIT, PARTIAL_SUM_BITS, OBJECTIVE,
            DRAM, SRAM, BUFFER_WIDTH_BITS, ATTENTION, ATTENTION_LANES, AREA_BUDGET_MM2, SCALESIM_CONFIG);

    /** The columns a PE array's run fills, read from its {@link SimResult}. */
    public static final List<MetricColumn> METRICS = List.of(
            metric("cycles", "one run of the workload (a decode step, or a prefill)", true, SimResult::cycles),
            metric("compute_cycles", "what the array alone would take, stall-free", true, SimResult::computeCycles),
            metric("memory_cycles", "what the DRAM traffic alone would take", true, SimResult::memoryCycles),
            metric("stall_cycles", "cycles waiting on DRAM: cycles − compute_cycles", true,
                    s -> s.cycles() - s.computeCycles()),
            metric("seconds", "one run of the workload", false, SimResult::seconds),
            metric("macs", "multiply-accumulates of one run", true, SimResult::macs),
            metric("dram_bytes", "bytes read from and written to DRAM", true, SimResult::dramBytes),
            metric("energy_pj", "total energy of one run: the sum of the energy_* columns after it", false,
                    s -> s.energy().totalPj()),
            metric("energy_mac_pj", "the PEs' arithmetic", false, s -> s.energy().macPj()),
            metric("energy_register_pj", "the PEs' registers", false, s -> s.energy().registerPj()),
            metric("energy_weight_sram_pj", "weight buffer reads and writes", false, s -> s.energy().weightSramPj()),
            metric("energy_activation_sram_pj", "activation buffer reads and writes", false,
                    s -> s.energy().activationSramPj()),
            metric("energy_output_sram_pj", "output buffer reads and writes", false, s -> s.energy().outputSramPj()),
            metric("energy_dram_pj", "DRAM traffic", false, s -> s.energy().dramPj()),
            metric("energy_leakage_pj", "the leakage of everything built (PEs, dequantizers, buffers where their "
                    + "pricing has leakage, attention unit) over the run", false, s -> s.energy().leakagePj()),
            metric("energy_attention_unit_pj", "the attention unit's arithmetic and registers (0 without one)", false,
                    s -> s.energy().attentionUnitPj()),
            metric("area_um2", "the whole area: the sum of the area_* columns after it (buffers only where the SRAM "
                    + "pricing has an area: not horowitz)", false, SimResult::areaUm2),
            metric("area_pe_array_um2", "the PEs", false, s -> s.area().peArrayUm2()),
            metric("area_dequantizers_um2", "the per-group dequantization units beside the PEs", false,
                    s -> s.area().dequantizersUm2()),
            metric("area_buffers_um2", "the three buffers (NaN where their pricing has no area)", false,
                    s -> s.area().buffersUm2()),
            metric("area_attention_unit_um2", "the attention unit (0 without one)", false,
                    s -> s.area().attentionUnitUm2()),
            metric("utilization", "useful PE-cycles over available PE-cycles", false, SimResult::utilization));

    private static MetricColumn metric(String name, String meaning, boolean integral,
                                       java.util.function.ToDoubleFunction<SimResult> read) {
        return MetricColumn.of(SimResult.class, name, meaning, integral, read);
    }

    public PeArraySpec {
        if (!PE_IDS.contains(pe))
            throw new IllegalArgumentException("unknown PE " + pe);
        java.util.Objects.requireNonNull(array, "array");
        java.util.Objects.requireNonNull(dataflow, "dataflow");
        java.util.Objects.requireNonNull(overflow, "overflow");
        java.util.Objects.requireNonNull(timing, "timing");
        java.util.Objects.requireNonNull(objective, "objective");
        java.util.Objects.requireNonNull(sram, "sram");
        java.util.Objects.requireNonNull(attention, "attention");
        if (!DramTechnologies.ids().contains(dram))
            throw new IllegalArgumentException("unknown DRAM technology " + dram);
        if (!NODES.contains(node))
            throw new IllegalArgumentException("no cost tables for node " + node);
    }

    private static Knob<OptionalInt> autoKib(String name, String which) {
        return new Knob<>(name, OptionalInt.class, OptionalInt.empty(), "N",
                "size of the " + which + " buffer alone, KiB", Parsers.AUTO + " (= buffer_kib), or 1 to 1048576",
                Parsers.autoInteger(1, 1 << 20), Parsers::plain, Range.INTEGER);
    }

    /**
     * The spec the given values describe; a knob not given takes its default. {@code rows} and {@code cols}, when
     * given, stand for the array.
     *
     * @throws UserInputException when the array is missing, or given both ways
     */
    public static PeArraySpec from(KnobValues v) {
        SystolicArray array = v.get(ARRAY_KNOB);
        if (v.has(ROWS) || v.has(COLS)) {
            if (v.has(ARRAY_KNOB))
                throw new UserInputException("give either array (ROWSxCOLS) or rows and cols, not both");
            if (!v.has(ROWS) || !v.has(COLS))
                throw new UserInputException("rows and cols go together; give both, or array (ROWSxCOLS)");
            array = new SystolicArray(v.get(ROWS), v.get(COLS));
        }
        return new PeArraySpec(v.get(PE), array, v.get(DATAFLOW), v.get(ACCUMULATOR_BITS), v.get(OVERFLOW),
                v.get(BUFFER_KIB), v.get(WEIGHT_BUFFER_KIB), v.get(ACTIVATION_BUFFER_KIB), v.get(OUTPUT_BUFFER_KIB),
                v.get(BUFFER_BANKS), v.get(BUFFER_BYTES_PER_CYCLE), v.get(DRAM), v.get(DRAM_GBPS), v.get(DRAM_PJ_PER_BIT),
                v.get(CLOCK_MHZ), v.get(NODE), v.get(PARTIAL_SUM_BITS), v.get(TIMING), v.get(OBJECTIVE), v.get(SRAM),
                v.get(BUFFER_WIDTH_BITS), v.get(ATTENTION), v.get(ATTENTION_LANES), v.get(AREA_BUDGET_MM2));
    }

    /**
     * The accelerator this spec describes for a trace: its accumulator as wide as the trace's formats need (when
     * auto), attention where {@code attention} puts it (for {@code auto}, on the array when the PE runs it), and with
     * an area budget the largest array of the given shape that fits it.
     *
     * @throws UserInputException when the buffers have more banks than bytes
     * @throws Infeasible         when not even the smallest array of the shape fits the area budget
     */
    public Accelerator accelerator(List<LayerTrace> layers) {
        Fitted fit = fit(layers);
        Accelerator acc = build(fit.bits(), fit.peRunsAttention());
        if (areaBudgetMm2.isPresent())
            acc = acc.withArray(largestWithin(acc, layers, areaBudgetMm2.getAsDouble() * 1e6));
        return acc;
    }

    /** The accumulator width the PEs are built with for this trace (the given one, or auto's). */
    public int accumulatorBitsOn(List<LayerTrace> layers) {
        return fit(layers).bits();
    }

    private Fitted fit(List<LayerTrace> layers) {
        List<OperandFormats> linear = new java.util.ArrayList<>();
        List<OperandFormats> attentionFormats = new java.util.ArrayList<>();
        for (LayerTrace t : layers) {
            List<OperandFormats> into = t.layer().layerClass().isAttention() ? attentionFormats : linear;
            if (!into.contains(t.formats()))
                into.add(t.formats());
        }
        return FITS.computeIfAbsent(new Fit(pe, accumulatorBits, overflow, attention, linear, attentionFormats),
                Fit::fit);
    }

    /**
     * The accumulator width for these formats: the given one, or for auto the narrowest from
     * {@value #AUTO_ACCUMULATOR_FROM} bits up that the PE accepts for all of them ({@value #AUTO_ACCUMULATOR_FROM}
     * when none does, so the refusal is the PE's own).
     */
    public int accumulatorBitsFor(List<OperandFormats> formats) {
        return accumulatorBitsFor(pe, accumulatorBits, formats);
    }

    /** {@link #accumulatorBitsFor} for any PE: the given width, or auto's for these formats. */
    public static int accumulatorBitsFor(String pe, OptionalInt given, List<OperandFormats> formats) {
        if (given.isPresent())
            return given.getAsInt();
        for (int bits = AUTO_ACCUMULATOR_FROM; bits <= PeParams.MAX_ACC_BITS; bits++) {
            PeModel model = PeCatalog.create(pe, new PeParams(bits, Overflow.WRAP));
            if (formats.stream().allMatch(model::supports))
                return bits;
        }
        return AUTO_ACCUMULATOR_FROM;
    }

    private Accelerator build(int accBits, boolean peRunsAttention) {
        AsicCostModel cost = cost();
        DramTechnology tech = DramTechnologies.get(dram);
        double gbps = dramGbps.orElse(tech.defaultGbps());
        Dram d = new Dram(gbps, dramPjPerBit.orElse(tech.pjPerBit()), dramPjPerBit.isPresent()
                ? "given with dram_pj_per_bit" : tech.basis());
        Buffers buffers = new Buffers(buffer(weightBufferKib), buffer(activationBufferKib), buffer(outputBufferKib));
        return new Accelerator(PeCatalog.create(pe, new PeParams(accBits, overflow)), array,
                dataflow.allowed().get(0), buffers, d, clockMhz, cost, partialSumBits, timing, objective, sram,
                bufferWidthBits, attention.unit(peRunsAttention, attentionLanes));
    }


    /**
     * The PE's refusal; blamed on the accumulator when both formats are integers (a wider accumulator would take
     * them), else on the PE.
     */
    @Override
    public java.util.Optional<Unsupported> unsupported(OperandFormats f) {
        int bits = accumulatorBitsFor(List.of(f));
        PeModel model = PeCatalog.create(pe, new PeParams(bits, Overflow.WRAP));
        if (model.supports(f))
            return java.util.Optional.empty();
        if (f.bothIntegers() && accumulatorBits.isPresent())
            return java.util.Optional.of(new Unsupported(ACCUMULATOR_BITS, "%d with pe %s: %s".formatted(bits,
                    pe, model.unsupportedReason(f))));
        return java.util.Optional.of(new Unsupported(PE, model.unsupportedReason(f)));
    }

    @Override
    public List<Knob<?>> supportKnobs() {
        return List.of(PE, ACCUMULATOR_BITS);
    }

    /**
     * Attention's refusal, by where {@code attention} puts it: the PE on the array, the unit's formats on a unit, and
     * for {@code auto} neither the PE nor an fp16 unit.
     */
    @Override
    public java.util.Optional<Unsupported> unsupportedAttention(OperandFormats linear, OperandFormats f) {
        Fitted fit = FITS.computeIfAbsent(new Fit(pe, accumulatorBits, overflow, attention, List.of(linear),
                List.of(f)), Fit::fit);
        PeModel model = PeCatalog.create(pe, new PeParams(fit.bits(), Overflow.WRAP));
        boolean peRuns = model.supports(f);
        java.util.Optional<AttentionUnit> unit = attention.unit(peRuns, attentionLanes);
        if (unit.isEmpty()) {
            if (peRuns)
                return java.util.Optional.empty();
            return java.util.Optional.of(new Unsupported(ATTENTION, ("attention_score and attention_value layers on "
                    + "the PE array: %s; put attention on a unit (attention: auto, fp16 or int8), leave it out "
                    + "(workload.layers: linear), or store the KV cache in a format the PE runs (quantization.kv_cache)")
                    .formatted(model.unsupportedReason(f))));
        }
        if (unit.get().supports(f))
            return java.util.Optional.empty();
        return java.util.Optional.of(new Unsupported(ATTENTION,
                ("attention_score and attention_value layers: neither pe %s nor an %s runs the KV cache in %s with %s "
                        + "activations; choose quantization.kv_cache, or workload.layers: linear").formatted(pe,
                        unit.get().runs(), f.weight().name(), f.activation().name())));
    }

    @Override
    public List<Knob<?>> attentionKnobs() {
        return List.of(PE, ACCUMULATOR_BITS, ATTENTION);
    }

    /**
     * Each layer on the dataflow the objective prefers among those allowed; attention where {@code attention} puts
     * it; with an area budget, on the largest array of the given shape that fits it.
     */
    @Override
    public SimResult run(List<LayerTrace> layers) {
        return Simulator.run(accelerator(layers), dataflow.allowed(), layers);
    }

    /**
     * What a PE's checks decide for a trace's formats: the accumulator width, and whether the PE runs attention
     * (true when there is none). Attention on the array (attention: array) sizes the accumulator for attention too;
     * auto puts attention on the array when some width (the given one, or auto's) runs every layer there, and
     * otherwise sizes it for the linear layers and sends attention to a unit. Found once per PE, knobs and formats:
     * a sweep asks for every point, and a PE's checks walk its formats' values.
     */
    private record Fit(String pe, OptionalInt accumulatorBits, Overflow overflow, AttentionPlacement attention,
                       List<OperandFormats> linear, List<OperandFormats> attentionFormats) {
        Fitted fit() {
            List<OperandFormats> all = new java.util.ArrayList<>(linear);
            attentionFormats.stream().filter(f -> !all.contains(f)).forEach(all::add);
            if (attention == AttentionPlacement.ARRAY)
                return new Fitted(accumulatorBitsFor(pe, accumulatorBits, all), true);
            if (attention == AttentionPlacement.AUTO) {
                int bits = accumulatorBitsFor(pe, accumulatorBits, all);
                PeModel model = PeCatalog.create(pe, new PeParams(bits, overflow));
                if (all.stream().allMatch(model::supports))
                    return new Fitted(bits, true);
            }
            return new Fitted(accumulatorBitsFor(pe, accumulatorBits, linear), attentionFormats.isEmpty());
        }
    }

    private record Fitted(int bits, boolean peRunsAttention) {
    }

    private static final Map<Fit, Fitted> FITS = new ConcurrentHashMap<>();

    /**
     * The largest array of {@code acc}'s shape (rows:cols in lowest terms, times a whole factor) whose area fits:
     * area grows with the factor, so a binary search finds it.
     *
     * @throws Infeasible when not even the smallest of that shape fits
     */
    static SystolicArray largestWithin(Accelerator acc, List<LayerTrace> layers, double budgetUm2) {
        int g = gcd(acc.array().rows(), acc.array().cols());
        int r = acc.array().rows() / g;
        int c = acc.array().cols() / g;
        int low = 0;
        int high = SystolicArray.MAX_DIM / Math.max(r, c);
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (Simulator.areaUm2(acc.withArray(new SystolicArray(r * mid, c * mid)), layers) <= budgetUm2)
                low = mid;
            else
                high = mid - 1;
        }
        if (low == 0)
            throw new Infeasible(Infeasible.AREA_BUDGET, ("no %dx%d array fits %s mm²: the smallest of its shape "
                    + "takes %s mm² (PEs, dequantizers, buffers and any attention unit)").formatted(r, c,
                    sixDigits(budgetUm2 / 1e6), sixDigits(Simulator.areaUm2(acc.withArray(new SystolicArray(r, c)),
                            layers) / 1e6)));
        return new SystolicArray(r * low, c * low);
    }

    private static String sixDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The node's cost model; building one checks the node against every table, so each is built once. */
    public AsicCostModel cost() {
        return COSTS.computeIfAbsent(node, AsicCostModel::at);
    }

    private Buffer buffer(OptionalInt kib) {
        long bytes = Math.multiplyExact((long) kib.orElse(bufferKib), 1024L);
        if (bufferBanks > bytes)
            throw new UserInputException("buffer_banks: %d banks in a %d-byte buffer; at most one bank per byte"
                    .formatted(bufferBanks, bytes));
        return new Buffer(bytes, bufferBanks, bufferBytesPerCycle.orElse(Double.POSITIVE_INFINITY));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Knob<?>> knobs() {
        return KNOBS;
    }

    @Override
    public String text(String column) {
        return switch (column) {
            case "kind" -> KIND;
            case "pe" -> pe;
            case "array" -> array.toString();
            case "dataflow" -> dataflow.id();
            case "overflow" -> overflow.id();
            case "node" -> node;
            case "timing" -> timing.id();
            case "objective" -> objective.id();
            case "dram" -> dram;
            case "sram" -> sram.id();
            case "attention" -> attention.id();
            case "accumulator_bits" -> accumulatorBits.isPresent() ? Integer.toString(accumulatorBits.getAsInt())
                    : Parsers.AUTO;
            default -> {
                double n = number(column);
                if (Double.isNaN(n))
                    throw new IllegalArgumentException("no parameter " + column);
                yield Raw.plainNumber(n);
            }
        };
    }

    @Override
    public double number(String column) {
        return switch (column) {
            case "rows" -> array.rows();
            case "cols" -> array.cols();
            case "pes" -> array.pes();
            case "accumulator_bits" -> accumulatorBits.isPresent() ? accumulatorBits.getAsInt() : Double.NaN;
            case "buffer_kib" -> bufferKib;
            case "weight_buffer_kib" -> weightBufferKib.orElse(bufferKib);
            case "activation_buffer_kib" -> activationBufferKib.orElse(bufferKib);
            case "output_buffer_kib" -> outputBufferKib.orElse(bufferKib);
            case "buffer_banks" -> bufferBanks;
            case "buffer_bytes_per_cycle" -> bufferBytesPerCycle.orElse(Double.POSITIVE_INFINITY);
            case "dram_gbps" -> dramGbps.orElse(DramTechnologies.get(dram).defaultGbps());
            case "dram_pj_per_bit" -> dramPjPerBit.orElse(DramTechnologies.get(dram).pjPerBit());
            case "buffer_width_bits" -> bufferWidthBits;
            case "attention_lanes" -> attentionLanes;
            case "area_budget_mm2" -> areaBudgetMm2.orElse(Double.POSITIVE_INFINITY);
            case "clock_mhz" -> clockMhz;
            case "partial_sum_bits" -> partialSumBits;
            default -> Double.NaN;
        };
    }

    // ---- readers of the knobs with their own syntax ----

    private static SystolicArray array(Object raw) {
        long rows;
        long cols;
        if (raw instanceof Long || raw instanceof Integer) {
            rows = cols = ((Number) raw).longValue();
        } else if (raw instanceof String s) {
            Matcher m = ARRAY.matcher(s.trim());
            if (!m.matches())
                throw new UserInputException("\"%s\" is not an array size; %s".formatted(s, ARRAY_USAGE));
            rows = dim(m.group(1));
            cols = dim(m.group(2));
        } else {
            throw new UserInputException("expected an array size, got %s; %s".formatted(Raw.describe(raw), ARRAY_USAGE));
        }
        if (rows < 1 || cols < 1 || rows > SystolicArray.MAX_DIM || cols > SystolicArray.MAX_DIM)
            throw new UserInputException("%d×%d is not a possible array; %s".formatted(rows, cols, ARRAY_USAGE));
        return new SystolicArray((int) rows, (int) cols);
    }

    private static long dim(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String node(Object raw) {
        String v = Raw.text(raw).trim().toLowerCase(Locale.ROOT);
        if (!NODES.contains(v))
            throw new UserInputException("no cost tables for node \"%s\"; valid: %s%s".formatted(raw,
                    String.join(", ", NODES), Suggest.didYouMean(v, NODES)));
        return v;
    }
}
