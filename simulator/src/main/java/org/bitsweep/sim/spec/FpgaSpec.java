package org.bitsweep.sim.spec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaCatalog;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.cost.fpga.Resource;
import org.bitsweep.cost.fpga.ResourceLimits;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.pe.fpga.FpgaMacUnit;
import org.bitsweep.sim.fpga.FpgaAccelerator;
import org.bitsweep.sim.fpga.FpgaAcceleratorConfig;
import org.bitsweep.sim.fpga.FpgaSimResult;
import org.bitsweep.sim.fpga.RamStyle;
import org.bitsweep.sim.fpga.WeightStorage;
import org.bitsweep.sim.spec.Knob.Range;
import org.bitsweep.sim.target.MetricColumn;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.LayerTrace;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * An FPGA accelerator target: as many MAC units for the trace's pair of formats as fit the device, sized and run by
 * {@link FpgaAccelerator} (docs/fpga.md). Every knob is declared here with its help and its check; the defaults are
 * {@link FpgaAcceleratorConfig#defaults()}'s. The unit's formats are the point's quantization, not a knob.
 */
public record FpgaSpec(FpgaAcceleratorConfig config) implements TargetSpec {
    public static final String KIND = "fpga";
    private static final FpgaAcceleratorConfig DEFAULTS = FpgaAcceleratorConfig.defaults();
    private static final String FINN = "finn";
    private static final List<Resource> RESOURCES = List.of(Resource.values());
    private static final String RESOURCE_LIMITS_VALID = FINN + ", a number in (0, 1], or "
            + "lut=X,ff=X,dsp=X,bram=X,uram=X";

    public static final Knob<String> DEVICE = Knob.of("device", String.class, DEFAULTS.device(), "ID",
            "fpga: the FPGA (cost-models fpga/devices.yaml: resource counts, board DRAM, typical clock)",
            String.join(", ", FpgaCatalog.deviceIds()), Parsers.choice("FPGA device", FpgaCatalog.deviceIds(),
                    id -> id), Range.NONE);
    public static final Knob<ResourceLimits> RESOURCE_LIMITS = new Knob<>("resource_limits", ResourceLimits.class,
            DEFAULTS.resourceLimits(), "X", "fpga: the share of each resource the design may use (FINN's defaults "
            + "are AMD's advice for closing timing)", FINN + " (LUT 0.7, FF 0.5, DSP/BRAM/URAM 0.8), a number in "
            + "(0, 1] for every resource, or lut=X,ff=X,dsp=X,bram=X,uram=X (the rest FINN's)", FpgaSpec::resourceLimits,
            FpgaSpec::plain, Range.REAL);
    public static final Knob<FpgaAccumulator> ACCUMULATOR = new Knob<>("accumulator", FpgaAccumulator.class,
            DEFAULTS.accumulator(), "ACC", "fpga: exact: wide enough for the longest dot product (the study's "
            + "width rule); fixed: a narrower register; float: rounded after every MAC (minifloats, lanes 1)",
            FpgaAccumulator.USAGE, raw -> FpgaAccumulator.parse(Raw.text(raw)), FpgaAccumulator::id, Range.NONE);
    public static final Knob<Integer> LANES = Knob.of("lanes", Integer.class, DEFAULTS.lanes(), "N",
            "fpga: multipliers per MAC unit sharing one adder tree and accumulator (FINN's SIMD)",
            "1 to " + FpgaAcceleratorConfig.MAX_LANES, Parsers.integer(1, FpgaAcceleratorConfig.MAX_LANES),
            Range.INTEGER);
    public static final Knob<MultiplierStyle> MULTIPLIERS = new Knob<>("multipliers", MultiplierStyle.class,
            DEFAULTS.multipliers(), "M", "fpga: multipliers in LUTs, or in DSP slices packed as the vendor documents",
            MultiplierStyle.validIds(), Parsers.choice("multiplier style", List.of(MultiplierStyle.values()),
                    MultiplierStyle::id), MultiplierStyle::id, Range.NONE);
    public static final Knob<WeightStorage> WEIGHT_STORAGE = new Knob<>("weight_storage", WeightStorage.class,
            DEFAULTS.weightStorage(), "W", "fpga: stream the weights from DRAM each layer, or keep every weight on "
            + "chip", WeightStorage.validIds(), Parsers.choice("weight storage", List.of(WeightStorage.values()),
                    WeightStorage::id), WeightStorage::id, Range.NONE);
    public static final Knob<OptionalDouble> DRAM_GBPS = new Knob<>("dram_gbps", OptionalDouble.class,
            DEFAULTS.dramGbps(), "X", "fpga: DRAM bandwidth, GB/s", Parsers.AUTO + " (the device's board figure), "
            + "or a number > 0", Parsers.wordOrPositive(Parsers.AUTO), v -> Parsers.plain(v, Parsers.AUTO),
            Range.REAL);
    public static final Knob<RamStyle> WEIGHT_RAM = new Knob<>("weight_ram", RamStyle.class, DEFAULTS.weightRam(),
            "R", "fpga: on-chip RAM for the weights; auto: block RAM, UltraRAM when block RAM runs out",
            RamStyle.validIds(), Parsers.choice("weight RAM", List.of(RamStyle.values()), RamStyle::id), RamStyle::id,
            Range.NONE);
    public static final Knob<OptionalDouble> CLOCK_MHZ = new Knob<>("clock_mhz", OptionalDouble.class,
            DEFAULTS.clockMhz(), "F", "fpga: the design's clock, MHz", Parsers.AUTO + " (the lower of the device's "
            + "typical clock and the unit's fmax), or a number > 0 up to the unit's fmax",
            Parsers.wordOrPositive(Parsers.AUTO), v -> Parsers.plain(v, Parsers.AUTO), Range.REAL);
    public static final Knob<OptionalInt> REDUCTION_LENGTH = new Knob<>("reduction_length", OptionalInt.class,
            DEFAULTS.reductionLength().isPresent() ? OptionalInt.of((int) DEFAULTS.reductionLength().getAsLong())
                    : OptionalInt.empty(), "N", "fpga: n of the exact accumulator's width rule: the longest dot "
            + "product it must hold", Parsers.AUTO + " (the trace's longest), or an integer >= 1 (with exact, at "
            + "least the trace's longest)", Parsers.autoInteger(1, Integer.MAX_VALUE), Parsers::plain,
            Range.INTEGER);

    /** Every knob of an FPGA accelerator but {@code kind}, in the order files and {@code --help} list them. */
    public static final List<Knob<?>> KNOBS = List.of(DEVICE, RESOURCE_LIMITS, ACCUMULATOR, LANES, MULTIPLIERS,
            WEIGHT_STORAGE, DRAM_GBPS, WEIGHT_RAM, CLOCK_MHZ, REDUCTION_LENGTH);

    /** The columns an FPGA run fills, read from its {@link FpgaSimResult}. */
    public static final List<MetricColumn> METRICS = List.of(
            metric("cycles", "one run of the workload (one inference)", true, FpgaSimResult::cycles),
            metric("compute_cycles", "what the MAC units alone would take, pipeline fill included", true,
                    FpgaSimResult::computeCycles),
            metric("memory_cycles", "what the DRAM traffic alone would take", true, FpgaSimResult::memoryCycles),
            metric("seconds", "one run of the workload", false, FpgaSimResult::seconds),
            metric("macs", "multiply-accumulates of one run", true, FpgaSimResult::macs),
            metric("dram_bytes", "bytes read from and written to DRAM", true, FpgaSimResult::dramBytes),
            metric("utilization", "useful lane-cycles over available lane-cycles", false,
                    FpgaSimResult::utilization),
            metric("macs_per_second", "achieved throughput: macs over seconds", false, FpgaSimResult::macsPerSecond),
            metric("units", "MAC units built: as many as fit resource_limits", true, FpgaSimResult::units),
            metric("macs_per_cycle", "peak MACs per cycle: units × lanes", true, r -> r.design().macsPerCycle()),
            metric("design_clock_mhz", "the clock the design runs at (clock_limit says what set it)", false,
                    r -> r.design().clockMhz()),
            metric("lut", "LUTs used: the units, FINN's control and the memories", true, r -> r.resources().luts()),
            metric("ff", "flip-flops used", true, r -> r.resources().ffs()),
            metric("dsp", "DSP slices used", true, r -> r.resources().dsps()),
            metric("bram18", "18 Kb block RAM halves used (a 36 Kb block is two)", true, r -> r.resources().bram18()),
            metric("uram", "UltraRAM blocks used", true, r -> r.resources().uram()),
            metric("lut_per_mac", "one MAC lane's LUTs: the unit's price over its lanes (control and memories not "
                    + "counted), the minifloats-on-FPGA study's measure", false,
                    r -> r.design().unitCost().perMac().luts()),
            metric("ff_per_mac", "one MAC lane's flip-flops", false, r -> r.design().unitCost().perMac().ffs()),
            metric("dsp_per_mac", "one MAC lane's DSP slices (a packed DSP holds several products)", false,
                    r -> r.design().unitCost().perMac().dsps()),
            fraction(Resource.LUT), fraction(Resource.FF), fraction(Resource.DSP), fraction(Resource.BRAM),
            fraction(Resource.URAM),
            MetricColumn.text(FpgaSimResult.class, "mac_unit", "the MAC unit built for the point's formats: "
                    + "fpga-int-mac or fpga-minifloat-mac", r -> r.design().unit().id()),
            MetricColumn.text(FpgaSimResult.class, "bound_by", "the resource one more unit would overrun first: lut, "
                    + "ff, dsp, bram or uram", FpgaSimResult::boundBy),
            MetricColumn.text(FpgaSimResult.class, "clock_limit", "what set design_clock_mhz: device (its typical "
                    + "clock), config (clock_mhz), or the unit's slowest stage, dsp or clock-tree",
                    r -> r.design().clockLimit()));

    public FpgaSpec {
        Objects.requireNonNull(config, "config");
    }

    private static MetricColumn metric(String name, String meaning, boolean integral,
                                       ToDoubleFunction<FpgaSimResult> read) {
        return MetricColumn.of(FpgaSimResult.class, name, meaning, integral, read);
    }

    private static MetricColumn fraction(Resource r) {
        return metric(r.id() + "_fraction", "share of the device's " + r.id() + " used", false,
                s -> s.fractionOfDevice(r));
    }

    /** The spec the given values describe; a knob not given takes its default. */
    public static FpgaSpec from(KnobValues v) {
        OptionalInt n = v.get(REDUCTION_LENGTH);
        return new FpgaSpec(FpgaAcceleratorConfig.builder().device(v.get(DEVICE))
                .resourceLimits(v.get(RESOURCE_LIMITS)).accumulator(v.get(ACCUMULATOR)).lanes(v.get(LANES))
                .multipliers(v.get(MULTIPLIERS)).weightStorage(v.get(WEIGHT_STORAGE)).dramGbps(v.get(DRAM_GBPS))
                .weightRam(v.get(WEIGHT_RAM)).clockMhz(v.get(CLOCK_MHZ))
                .reductionLength(n.isPresent() ? OptionalLong.of(n.getAsInt()) : OptionalLong.empty()).build());
    }

    /**
     * Why this accelerator cannot run these formats, naming the knob to change: UltraRAM on a device without it
     * ({@code weight_ram}); a pair no MAC unit models ({@code device}, though no device here runs it: the message
     * lists what the units run); an accumulator that cannot take the pair ({@code accumulator}); a DSP that cannot
     * hold the product ({@code multipliers}).
     */
    @Override
    public Optional<Unsupported> unsupported(OperandFormats formats) {
        Optional<String> refusal = config.refusal();
        if (refusal.isPresent())
            return Optional.of(new Unsupported(WEIGHT_RAM, refusal.get()));
        try {
            FpgaMacUnit.of(formats, new FpgaAccumulator.Exact(), 1, 1);
        } catch (UserInputException e) {
            return Optional.of(new Unsupported(DEVICE, e.getMessage()));
        }
        FpgaMacUnit unit;
        try {
            unit = FpgaMacUnit.of(formats, config.accumulator(), config.reductionLength().orElse(1),
                    config.lanes());
        } catch (UserInputException e) {
            return Optional.of(new Unsupported(ACCUMULATOR, "%s with %s: %s".formatted(config.accumulator().id(),
                    formats, e.getMessage())));
        }
        try {
            unit.cost(config.fpga().family(), config.multipliers());
        } catch (UserInputException e) {
            return Optional.of(new Unsupported(MULTIPLIERS, "%s: %s; valid: %s".formatted(
                    config.multipliers().id(), e.getMessage(), MultiplierStyle.validIds())));
        }
        return Optional.empty();
    }

    @Override
    public List<Knob<?>> supportKnobs() {
        return List.of(DEVICE, ACCUMULATOR, LANES, MULTIPLIERS, WEIGHT_RAM, REDUCTION_LENGTH);
    }

    /** Sizes the accelerator for the trace's formats and dot products, then runs the trace on it. */
    @Override
    public FpgaSimResult run(List<LayerTrace> layers) {
        return FpgaAccelerator.run(config, layers);
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
        if (column.equals("kind"))
            return KIND;
        Knob<?> knob = KNOBS.stream().filter(k -> k.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + column));
        Object plain = knob.plainValue(value(knob));
        return plain instanceof Double d ? Raw.plainNumber(d) : String.valueOf(plain);
    }

    /**
     * A numeric parameter: lanes, the DRAM bandwidth in use (the device's when auto), and the clock and reduction
     * length when given (NaN for auto: they depend on the trace).
     */
    @Override
    public double number(String column) {
        return switch (column) {
            case "lanes" -> config.lanes();
            case "dram_gbps" -> config.effectiveDramGbps();
            case "clock_mhz" -> config.clockMhz().orElse(Double.NaN);
            case "reduction_length" -> config.reductionLength().isPresent() ? config.reductionLength().getAsLong()
                    : Double.NaN;
            default -> Double.NaN;
        };
    }

    /** A knob's value in this spec, typed as its knob. */
    private Object value(Knob<?> k) {
        if (k == DEVICE)
            return config.device();
        if (k == RESOURCE_LIMITS)
            return config.resourceLimits();
        if (k == ACCUMULATOR)
            return config.accumulator();
        if (k == LANES)
            return config.lanes();
        if (k == MULTIPLIERS)
            return config.multipliers();
        if (k == WEIGHT_STORAGE)
            return config.weightStorage();
        if (k == DRAM_GBPS)
            return config.dramGbps();
        if (k == WEIGHT_RAM)
            return config.weightRam();
        if (k == CLOCK_MHZ)
            return config.clockMhz();
        if (k == REDUCTION_LENGTH)
            return config.reductionLength().isPresent()
                    ? OptionalInt.of((int) config.reductionLength().getAsLong()) : OptionalInt.empty();
        throw new IllegalArgumentException("not an FPGA knob: " + k.name());
    }

    // ---- readers of the knobs with their own syntax ----

    /** {@code finn}, one share for every resource, or {@code lut=X,ff=X,dsp=X,bram=X,uram=X} over FINN's defaults. */
    private static ResourceLimits resourceLimits(Object raw) {
        if (raw instanceof Number)
            return limits(() -> ResourceLimits.uniform(Raw.number(raw)), Raw.describe(raw));
        String v = Raw.text(raw).trim().toLowerCase(Locale.ROOT);
        if (v.equals(FINN))
            return FinnModel.defaultLimits();
        ResourceLimits d = FinnModel.defaultLimits();
        double[] share = new double[RESOURCES.size()];
        for (Resource r : RESOURCES)
            share[r.ordinal()] = d.of(r);
        for (String part : v.split(",")) {
            String[] kv = part.split("=", 2);
            Resource r = kv.length == 2 ? RESOURCES.stream().filter(x -> x.id().equals(kv[0].trim())).findFirst()
                    .orElse(null) : null;
            if (r == null)
                throw new UserInputException("\"%s\" is not RESOURCE=SHARE with RESOURCE one of lut, ff, dsp, bram, "
                        .formatted(part.trim()) + "uram; valid: " + RESOURCE_LIMITS_VALID);
            try {
                share[r.ordinal()] = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("\"%s\" is not a number; valid: %s".formatted(kv[1].trim(),
                        RESOURCE_LIMITS_VALID), e);
            }
        }
        return limits(() -> new ResourceLimits(share[0], share[1], share[2], share[3], share[4]), "\"" + v + "\"");
    }

    private static ResourceLimits limits(Supplier<ResourceLimits> make, String given) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("%s: each share must be in (0, 1]; valid: %s".formatted(given,
                    RESOURCE_LIMITS_VALID), e);
        }
    }

    /** As a sweep file writes it: {@code finn}, one number, or the five shares. */
    private static Object plain(ResourceLimits l) {
        if (l.equals(FinnModel.defaultLimits()))
            return FINN;
        if (l.equals(ResourceLimits.uniform(l.lut())))
            return l.lut();
        return "lut=%s,ff=%s,dsp=%s,bram=%s,uram=%s".formatted(Raw.plainNumber(l.lut()), Raw.plainNumber(l.ff()),
                Raw.plainNumber(l.dsp()), Raw.plainNumber(l.bram()), Raw.plainNumber(l.uram()));
    }
}
