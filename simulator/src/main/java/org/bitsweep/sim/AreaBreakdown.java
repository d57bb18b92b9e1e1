package org.bitsweep.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;
import org.bitsweep.sim.memory.Buffers;

/**
 * Area by block, in µm², each priced from cost-model entries ({@link SimResult#sources()}). What cost-models cannot
 * price is listed by {@link #notPriced()}, not guessed: buffers priced by Horowitz's energies have no area.
 *
 * @param peArrayUm2       R·C PEs, each priced from its inventory for the widest pair of formats the trace uses
 * @param buffersUm2       the three buffers (CACTI), NaN when their pricing has no area
 * @param dequantizersUm2  the array's group dequantization units (BitMoD, MixPE, grouped int-mac), 0 without
 * @param attentionUnitUm2 the attention unit's lanes, 0 without one
 * @param buffers          the buffers, named in {@link #notPriced()} when their area is not priced
 */
public record AreaBreakdown(double peArrayUm2, double buffersUm2, double dequantizersUm2, double attentionUnitUm2,
                            Buffers buffers) {
    public AreaBreakdown {
        for (double a : new double[] {peArrayUm2, dequantizersUm2, attentionUnitUm2})
            if (!(a >= 0))
                throw new IllegalArgumentException("area must be >= 0, got " + a);
        if (!(buffersUm2 >= 0) && !Double.isNaN(buffersUm2))
            throw new IllegalArgumentException("buffer area must be >= 0 or NaN, got " + buffersUm2);
    }

    /** The PE array alone, as results before buffers and units were priced gave it. */
    public AreaBreakdown(double peArrayUm2, Buffers buffers) {
        this(peArrayUm2, Double.NaN, 0, 0, buffers);
    }

    public boolean buffersPriced() {
        return !Double.isNaN(buffersUm2);
    }

    /** Everything priced: the sum of {@link #entries()}. */
    public double totalUm2() {
        return peArrayUm2 + (buffersPriced() ? buffersUm2 : 0) + dequantizersUm2 + attentionUnitUm2;
    }

    /** Every priced entry under its JSON key; {@link #totalUm2()} is their sum. */
    public Map<String, Double> entries() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pe_array_um2", peArrayUm2);
        if (buffersPriced())
            m.put("buffers_um2", buffersUm2);
        m.put("dequantizers_um2", dequantizersUm2);
        m.put("attention_unit_um2", attentionUnitUm2);
        return m;
    }

    /** The blocks left out of the total, each with the reason. */
    public List<String> notPriced() {
        if (buffersPriced())
            return List.of();
        return java.util.Arrays.stream(Operand.values()).map(o -> {
            Buffer b = buffers.of(o);
            return ("%s buffer (%d bytes, %d bank%s): Horowitz's SRAM figures have no area or leakage (sram: cacti-lstp "
                    + "or cacti-hp prices both)").formatted(o.bufferName(), b.bytes(), b.banks(), b.banks() == 1 ? "" : "s");
        }).toList();
    }
}
