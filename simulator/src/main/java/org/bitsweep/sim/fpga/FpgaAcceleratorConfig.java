package org.bitsweep.sim.fpga;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.bitsweep.cost.fpga.FinnModel;
import org.bitsweep.cost.fpga.FpgaCatalog;
import org.bitsweep.cost.fpga.FpgaDevice;
import org.bitsweep.cost.fpga.MultiplierStyle;
import org.bitsweep.cost.fpga.ResourceLimits;
import org.bitsweep.pe.fpga.FpgaAccumulator;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * Every knob of an FPGA accelerator, with its default and its validation in one place ({@link #KNOBS} lists them
 * for sweep files and {@code simulate}; {@link Builder#set} parses one from text).
 *
 * @param device          device id from {@code fpga/devices.yaml}
 * @param formats         the MAC unit's operand formats; empty: the trace's (it must use one pair)
 * @param utilization     the fraction of each resource the accelerator may use
 * @param accumulator     exact, fixed:BITS or float:FORMAT
 * @param lanes           multipliers per MAC unit, sharing one adder tree and accumulator (FINN's SIMD)
 * @param multipliers     LUT or DSP multipliers
 * @param weights         on chip, or streamed from DRAM
 * @param dramGbps        DRAM bandwidth, 10^9 B/s; empty: the device's board figure
 * @param weightRam       block RAM, UltraRAM, or block RAM unless it does not fit
 * @param clockMhz        the clock; empty: the lower of the device's typical clock and the unit's fmax
 * @param reductionLength n of the exact accumulator's width rule; empty: the trace's longest dot product
 */
public record FpgaAcceleratorConfig(String device, Optional<OperandFormats> formats, ResourceLimits utilization,
                                    FpgaAccumulator accumulator, int lanes, MultiplierStyle multipliers,
                                    WeightStorage weights, OptionalDouble dramGbps, RamStyle weightRam,
                                    OptionalDouble clockMhz, OptionalLong reductionLength) {
    public static final String DEFAULT_DEVICE = "xcvc1902";
    public static final int DEFAULT_LANES = 1;
    public static final int MAX_LANES = 4096;

    /** One knob: its key in sweep files, its default, what is valid, and what it does. */
    public record Knob(String key, String defaultValue, String valid, String help) {
    }

    public static final List<Knob> KNOBS = List.of(
            new Knob("device", DEFAULT_DEVICE, "one of " + FpgaCatalog.deviceIds(),
                    "the FPGA (fpga/devices.yaml: resource counts, board DRAM, typical clock)"),
            new Knob("weight_format", "the trace's", "a format name (bitsweep formats): integers or minifloats",
                    "the MAC unit's weight format; must match the trace's layers"),
            new Knob("activation_format", "the trace's", "as weight_format", "the MAC unit's activation format"),
            new Knob("utilization", "finn (LUT 0.7, FF 0.5, DSP/BRAM/URAM 0.8)",
                    "finn, a number in (0, 1] for every resource, or lut=X,ff=X,dsp=X,bram=X,uram=X",
                    "how much of each resource the accelerator may use (FINN's defaults are AMD's timing advice)"),
            new Knob("accumulator", "exact", FpgaAccumulator.USAGE,
                    "exact: the study's width rule for the longest dot product; fixed: a narrower register; float: "
                            + "rounded after every MAC (minifloats, lanes 1)"),
            new Knob("lanes", String.valueOf(DEFAULT_LANES), "1.." + MAX_LANES,
                    "multipliers per MAC unit sharing one adder tree and accumulator (FINN's SIMD)"),
            new Knob("multipliers", MultiplierStyle.LUT.id(), MultiplierStyle.validIds(),
                    "build multipliers in LUTs, or in DSP slices packed as the vendor documents"),
            new Knob("weights", WeightStorage.DRAM.id(), WeightStorage.validIds(),
                    "stream weights from DRAM each layer, or keep every weight on chip"),
            new Knob("dram_gbps", "the device's board figure", "a number > 0", "DRAM bandwidth in GB/s"),
            new Knob("weight_ram", RamStyle.AUTO.id(), RamStyle.validIds(),
                    "on-chip RAM for weights; auto: block RAM, UltraRAM when block RAM runs out"),
            new Knob("clock_mhz", "min(device typical clock, unit fmax)", "a number > 0, at most the unit's fmax",
                    "the accelerator's clock"),
            new Knob("reduction_length", "the trace's longest dot product", "a whole number >= 1",
                    "n of the exact accumulator's width: the longest dot product it must hold"));

    public FpgaAcceleratorConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(utilization, "utilization");
        Objects.requireNonNull(accumulator, "accumulator");
        Objects.requireNonNull(multipliers, "multipliers");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(dramGbps, "dramGbps");
        Objects.requireNonNull(weightRam, "weightRam");
        Objects.requireNonNull(clockMhz, "clockMhz");
        Objects.requireNonNull(reductionLength, "reductionLength");
        if (!FpgaCatalog.deviceIds().contains(device))
            throw new UserInputException("device \"%s\" is not one we have data for; devices: %s".formatted(device,
                    String.join(", ", FpgaCatalog.deviceIds())));
        if (lanes < 1 || lanes > MAX_LANES)
            throw new UserInputException("lanes must be in [1, %d], got %d".formatted(MAX_LANES, lanes));
        if (dramGbps.isPresent() && !(dramGbps.getAsDouble() > 0 && Double.isFinite(dramGbps.getAsDouble())))
            throw new UserInputException("dram_gbps must be a number > 0, got " + dramGbps.getAsDouble());
        if (clockMhz.isPresent() && !(clockMhz.getAsDouble() > 0 && Double.isFinite(clockMhz.getAsDouble())))
            throw new UserInputException("clock_mhz must be a number > 0, got " + clockMhz.getAsDouble());
        if (reductionLength.isPresent() && reductionLength.getAsLong() < 1)
            throw new UserInputException("reduction_length must be >= 1, got " + reductionLength.getAsLong());
        if (weightRam == RamStyle.URAM && FpgaCatalog.device(device).uram() == 0)
            throw new UserInputException("weight_ram uram: %s has no UltraRAM; use bram or auto".formatted(device));
    }

    public static FpgaAcceleratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public FpgaDevice fpga() {
        return FpgaCatalog.device(device);
    }

    /** The DRAM bandwidth in use: the knob, or the device's board figure. */
    public double effectiveDramGbps() {
        return dramGbps.orElse(fpga().dramGbps());
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.device = device;
        b.formats = formats;
        b.utilization = utilization;
        b.accumulator = accumulator;
        b.lanes = lanes;
        b.multipliers = multipliers;
        b.weights = weights;
        b.dramGbps = dramGbps;
        b.weightRam = weightRam;
        b.clockMhz = clockMhz;
        b.reductionLength = reductionLength;
        return b;
    }

    /** Defaults everywhere until set; {@link #build} validates. */
    public static final class Builder {
        private String device = DEFAULT_DEVICE;
        private Optional<OperandFormats> formats = Optional.empty();
        private String weightFormat;
        private String activationFormat;
        private ResourceLimits utilization = FinnModel.defaultLimits();
        private FpgaAccumulator accumulator = new FpgaAccumulator.Exact();
        private int lanes = DEFAULT_LANES;
        private MultiplierStyle multipliers = MultiplierStyle.LUT;
        private WeightStorage weights = WeightStorage.DRAM;
        private OptionalDouble dramGbps = OptionalDouble.empty();
        private RamStyle weightRam = RamStyle.AUTO;
        private OptionalDouble clockMhz = OptionalDouble.empty();
        private OptionalLong reductionLength = OptionalLong.empty();

        private Builder() {
        }

        public Builder device(String id) {
            this.device = id;
            return this;
        }

        public Builder formats(OperandFormats f) {
            this.formats = Optional.of(f);
            return this;
        }

        public Builder utilization(ResourceLimits u) {
            this.utilization = u;
            return this;
        }

        public Builder accumulator(FpgaAccumulator a) {
            this.accumulator = a;
            return this;
        }

        public Builder lanes(int q) {
            this.lanes = q;
            return this;
        }

        public Builder multipliers(MultiplierStyle s) {
            this.multipliers = s;
            return this;
        }

        public Builder weights(WeightStorage s) {
            this.weights = s;
            return this;
        }

        public Builder dramGbps(double gbps) {
            this.dramGbps = OptionalDouble.of(gbps);
            return this;
        }

        public Builder weightRam(RamStyle s) {
            this.weightRam = s;
            return this;
        }

        public Builder clockMhz(double mhz) {
            this.clockMhz = OptionalDouble.of(mhz);
            return this;
        }

        public Builder reductionLength(long n) {
            this.reductionLength = OptionalLong.of(n);
            return this;
        }

        /**
         * Sets the knob {@code key} (see {@link #KNOBS}) from its text in a sweep file or on the command line.
         *
         * @throws UserInputException for an unknown key or a bad value, saying what is valid
         */
        public Builder set(String key, String value) {
            String v = value == null ? "" : value.trim();
            try {
                switch (key) {
                    case "device" -> device = v;
                    case "weight_format" -> weightFormat = v;
                    case "activation_format" -> activationFormat = v;
                    case "utilization" -> utilization = parseUtilization(v);
                    case "accumulator" -> accumulator = FpgaAccumulator.parse(v);
                    case "lanes" -> lanes = Integer.parseInt(v);
                    case "multipliers" -> multipliers = MultiplierStyle.byId(v.toLowerCase(Locale.ROOT));
                    case "weights" -> weights = WeightStorage.byId(v.toLowerCase(Locale.ROOT));
                    case "dram_gbps" -> dramGbps = OptionalDouble.of(Double.parseDouble(v));
                    case "weight_ram" -> weightRam = RamStyle.byId(v.toLowerCase(Locale.ROOT));
                    case "clock_mhz" -> clockMhz = OptionalDouble.of(Double.parseDouble(v));
                    case "reduction_length" -> reductionLength = OptionalLong.of(Long.parseLong(v));
                    default -> throw new UserInputException("unknown FPGA knob \"%s\"; knobs: %s".formatted(key,
                            String.join(", ", KNOBS.stream().map(Knob::key).toList())));
                }
            } catch (NumberFormatException e) {
                throw new UserInputException("%s: \"%s\" is not a number".formatted(key, value), e);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("%s: %s".formatted(key, e.getMessage()), e);
            }
            return this;
        }

        public FpgaAcceleratorConfig build() {
            if ((weightFormat == null) != (activationFormat == null))
                throw new UserInputException("give both weight_format and activation_format, or neither");
            if (weightFormat != null)
                formats = Optional.of(OperandFormats.of(Formats.parse(weightFormat), Formats.parse(activationFormat)));
            return new FpgaAcceleratorConfig(device, formats, utilization, accumulator, lanes, multipliers, weights,
                    dramGbps, weightRam, clockMhz, reductionLength);
        }

        private static ResourceLimits parseUtilization(String v) {
            if (v.equals("finn"))
                return FinnModel.defaultLimits();
            if (!v.contains("="))
                return ResourceLimits.uniform(Double.parseDouble(v));
            ResourceLimits d = FinnModel.defaultLimits();
            double lut = d.lut(), ff = d.ff(), dsp = d.dsp(), bram = d.bram(), uram = d.uram();
            for (String part : v.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2)
                    throw new IllegalArgumentException("\"%s\" is not resource=fraction".formatted(part));
                double x = Double.parseDouble(kv[1].trim());
                switch (kv[0].trim()) {
                    case "lut" -> lut = x;
                    case "ff" -> ff = x;
                    case "dsp" -> dsp = x;
                    case "bram" -> bram = x;
                    case "uram" -> uram = x;
                    default -> throw new IllegalArgumentException("unknown resource \"%s\"; resources: lut, ff, dsp, "
                            .formatted(kv[0].trim()) + "bram, uram");
                }
            }
            return new ResourceLimits(lut, ff, dsp, bram, uram);
        }
    }
}
