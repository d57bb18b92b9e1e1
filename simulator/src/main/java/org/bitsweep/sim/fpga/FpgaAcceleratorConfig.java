package org.bitsweep.sim.fpga;

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
import org.bitsweep.workloads.trace.OperandFormats;

/**
 * An FPGA accelerator's settings, as {@code FpgaSpec} (kind {@code fpga}) builds them from its knobs: the knobs'
 * names, help, defaults and checks live there, the defaults' values here ({@link #defaults()}), so each is declared
 * once. The record only guards its invariants; a user's values are checked by the knobs that read them.
 *
 * @param device          device id from {@code fpga/devices.yaml}
 * @param formats         the MAC unit's operand formats; empty: the trace's (it must use one pair)
 * @param resourceLimits  the fraction of each resource the accelerator may use
 * @param accumulator     exact, fixed:BITS or float:FORMAT
 * @param lanes           multipliers per MAC unit, sharing one adder tree and accumulator (FINN's SIMD)
 * @param multipliers     LUT or DSP multipliers
 * @param weightStorage   on chip, or streamed from DRAM
 * @param dramGbps        DRAM bandwidth, 10^9 B/s; empty: the device's board figure
 * @param weightRam       block RAM, UltraRAM, or block RAM unless it does not fit
 * @param clockMhz        the clock; empty: the lower of the device's typical clock and the unit's fmax
 * @param reductionLength n of the exact accumulator's width rule; empty: the trace's longest dot product
 */
public record FpgaAcceleratorConfig(String device, Optional<OperandFormats> formats, ResourceLimits resourceLimits,
                                    FpgaAccumulator accumulator, int lanes, MultiplierStyle multipliers,
                                    WeightStorage weightStorage, OptionalDouble dramGbps, RamStyle weightRam,
                                    OptionalDouble clockMhz, OptionalLong reductionLength) {
    public static final int MAX_LANES = 4096;

    public FpgaAcceleratorConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(resourceLimits, "resourceLimits");
        Objects.requireNonNull(accumulator, "accumulator");
        Objects.requireNonNull(multipliers, "multipliers");
        Objects.requireNonNull(weightStorage, "weightStorage");
        Objects.requireNonNull(dramGbps, "dramGbps");
        Objects.requireNonNull(weightRam, "weightRam");
        Objects.requireNonNull(clockMhz, "clockMhz");
        Objects.requireNonNull(reductionLength, "reductionLength");
        if (!FpgaCatalog.deviceIds().contains(device))
            throw new IllegalArgumentException("no FPGA device %s; devices: %s".formatted(device,
                    String.join(", ", FpgaCatalog.deviceIds())));
        if (lanes < 1 || lanes > MAX_LANES)
            throw new IllegalArgumentException("lanes must be in [1, %d], got %d".formatted(MAX_LANES, lanes));
        if (dramGbps.isPresent() && !(dramGbps.getAsDouble() > 0 && Double.isFinite(dramGbps.getAsDouble())))
            throw new IllegalArgumentException("dram_gbps must be a number > 0, got " + dramGbps.getAsDouble());
        if (clockMhz.isPresent() && !(clockMhz.getAsDouble() > 0 && Double.isFinite(clockMhz.getAsDouble())))
            throw new IllegalArgumentException("clock_mhz must be a number > 0, got " + clockMhz.getAsDouble());
        if (reductionLength.isPresent() && reductionLength.getAsLong() < 1)
            throw new IllegalArgumentException("reduction_length must be >= 1, got " + reductionLength.getAsLong());
    }

    /** The VCK190's VC1902, FINN's resource limits, exact accumulation, one lane, LUT multipliers, weights in DRAM. */
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

    /**
     * Why these settings cannot be built on their device, naming the setting to change (UltraRAM asked of a device
     * that has none); empty when they can. Sizing refuses such a config, and a sweep reports it before it runs.
     */
    public Optional<String> refusal() {
        if (weightRam == RamStyle.URAM && fpga().uram() == 0)
            return Optional.of("%s has no UltraRAM; use weight_ram bram or auto".formatted(device));
        return Optional.empty();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.device = device;
        b.formats = formats;
        b.resourceLimits = resourceLimits;
        b.accumulator = accumulator;
        b.lanes = lanes;
        b.multipliers = multipliers;
        b.weightStorage = weightStorage;
        b.dramGbps = dramGbps;
        b.weightRam = weightRam;
        b.clockMhz = clockMhz;
        b.reductionLength = reductionLength;
        return b;
    }

    /** The defaults everywhere until set; {@link #build} checks the invariants. */
    public static final class Builder {
        private String device = "xcvc1902";
        private Optional<OperandFormats> formats = Optional.empty();
        private ResourceLimits resourceLimits = FinnModel.defaultLimits();
        private FpgaAccumulator accumulator = new FpgaAccumulator.Exact();
        private int lanes = 1;
        private MultiplierStyle multipliers = MultiplierStyle.LUT;
        private WeightStorage weightStorage = WeightStorage.DRAM;
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

        public Builder resourceLimits(ResourceLimits limits) {
            this.resourceLimits = limits;
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

        public Builder weightStorage(WeightStorage s) {
            this.weightStorage = s;
            return this;
        }

        /** Empty: the device's board figure. */
        public Builder dramGbps(OptionalDouble gbps) {
            this.dramGbps = gbps;
            return this;
        }

        public Builder dramGbps(double gbps) {
            return dramGbps(OptionalDouble.of(gbps));
        }

        public Builder weightRam(RamStyle s) {
            this.weightRam = s;
            return this;
        }

        /** Empty: the lower of the device's typical clock and the unit's fmax. */
        public Builder clockMhz(OptionalDouble mhz) {
            this.clockMhz = mhz;
            return this;
        }

        public Builder clockMhz(double mhz) {
            return clockMhz(OptionalDouble.of(mhz));
        }

        /** Empty: the trace's longest dot product. */
        public Builder reductionLength(OptionalLong n) {
            this.reductionLength = n;
            return this;
        }

        public Builder reductionLength(long n) {
            return reductionLength(OptionalLong.of(n));
        }

        public FpgaAcceleratorConfig build() {
            return new FpgaAcceleratorConfig(device, formats, resourceLimits, accumulator, lanes, multipliers,
                    weightStorage, dramGbps, weightRam, clockMhz, reductionLength);
        }
    }
}
