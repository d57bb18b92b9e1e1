package org.bitsweep.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.Buffers;

/**
 * Area by block, in µm², each priced from cost-model entries ({@link SimResult#sources()}). What cost-models cannot
 * price is listed by {@link #notPriced()}, not guessed: it holds no sourced SRAM area, so the buffers are not in the
 * total.
 *
 * @param peArrayUm2 R·C PEs, each priced from its inventory for the widest pair of formats the trace uses
 * @param buffers    the buffers, which are not priced
 */
public record AreaBreakdown(double peArrayUm2, Buffers buffers) {
    public AreaBreakdown {
        if (!(peArrayUm2 >= 0))
            throw new IllegalArgumentException("area must be >= 0, got " + peArrayUm2);
    }

    public double totalUm2() {
        return peArrayUm2;
    }

    /** Every priced entry under its JSON key; {@link #totalUm2()} is their sum. */
    public Map<String, Double> entries() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pe_array_um2", peArrayUm2);
        return m;
    }

    /** The blocks left out of the total, each with the reason. */
    public List<String> notPriced() {
        return java.util.Arrays.stream(Operand.values()).map(o -> {
            Buffer b = buffers.of(o);
            return "%s buffer (%d bytes, %d bank%s): no sourced SRAM area or leakage in cost-models"
                    .formatted(EnergyBreakdown.bufferName(o), b.bytes(), b.banks(), b.banks() == 1 ? "" : "s");
        }).toList();
    }
}
