package org.bitsweep.cost.fpga;

import java.util.Map;
import java.util.Objects;

/**
 * A device family (UltraScale+, Versal): its DSP slice and how the slice packs low-bit products, the slice's and
 * the clock network's maximum frequencies, and the delays our per-unit fmax estimate uses; all from
 * {@code fpga/families.yaml}.
 *
 * @param dspSlice   the vendor's name of the DSP primitive, e.g. {@code DSP48E2}
 * @param quantities by name: {@code dsp_fmax_mhz}, {@code clock_tree_fmax_mhz}, {@code lut_level_ns},
 *                   {@code carry8_ns}, {@code clock_overhead_ns}
 */
public record FpgaFamily(String id, String name, String dspSlice, DspPacking packing,
                         Map<String, Quantity> quantities) {
    static final String[] REQUIRED = {"dsp_fmax_mhz", "clock_tree_fmax_mhz", "lut_level_ns", "carry8_ns",
            "clock_overhead_ns"};

    public FpgaFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packing, "packing");
        quantities = Map.copyOf(quantities);
        for (String q : REQUIRED)
            if (!quantities.containsKey(q))
                throw new IllegalArgumentException("family %s has no %s".formatted(id, q));
    }

    public Quantity quantity(String name) {
        Quantity q = quantities.get(name);
        if (q == null)
            throw new IllegalArgumentException("family %s has no quantity %s".formatted(id, name));
        return q;
    }

    /** The DSP slice's maximum frequency with all its pipeline registers used. */
    public double dspFmaxMhz() {
        return quantities.get("dsp_fmax_mhz").value();
    }

    /** The global clock network's maximum frequency: no clock of the fabric runs faster. */
    public double clockTreeFmaxMhz() {
        return quantities.get("clock_tree_fmax_mhz").value();
    }

    public double lutLevelNs() {
        return quantities.get("lut_level_ns").value();
    }

    public double carry8Ns() {
        return quantities.get("carry8_ns").value();
    }

    public double clockOverheadNs() {
        return quantities.get("clock_overhead_ns").value();
    }
}
