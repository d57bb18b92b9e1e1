package org.bitsweep.sim;

import org.bitsweep.sim.accelerator.Accelerator;
import org.bitsweep.sim.accelerator.Prices;
import org.bitsweep.sim.memory.SramPricing;
import org.bitsweep.sim.price.CachedCosts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.Inventory;
import org.bitsweep.cost.Part;
import org.bitsweep.sim.array.Operand;
import org.bitsweep.sim.memory.Buffer;

/**
 * What priced a run, kept as parts so that the text of their sources is only built when asked for.
 */
public final class Pricing {
    private final Accelerator acc;
    private final Inventory pe;
    private final Set<Part> macParts;
    private final Set<Part> registerParts;
    private final Prices prices;
    private volatile Map<String, List<String>> sources;

    Pricing(Accelerator acc, Inventory pe, Set<Part> macParts, Set<Part> registerParts, Prices prices) {
        this.acc = acc;
        this.pe = pe;
        this.macParts = Set.copyOf(macParts);
        this.registerParts = Set.copyOf(registerParts);
        this.prices = prices;
    }

    /**
     * Breakdown key (as in {@link EnergyBreakdown#entries()} and {@link AreaBreakdown#entries()}) → the parts that
     * price it, each with the cost-model rows behind it and their source.
     */
    public Map<String, List<String>> sources() {
        Map<String, List<String>> s = sources;
        if (s == null) {
            AsicCostModel cost = acc.cost();
            Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("mac_pj", macParts.stream().map(p -> CachedCosts.basis(cost, p)).sorted().toList());
            m.put("register_pj", registerParts.stream().map(p -> CachedCosts.basis(cost, p)).sorted().toList());
            for (Operand o : Operand.values()) {
                Buffer b = acc.buffers().of(o);
                String basis = acc.sram() == SramPricing.HOROWITZ
                        ? CachedCosts.basis(cost, Part.sramRead(b.bankBytes())) : prices.buffer(o).basis();
                m.put(EnergyBreakdown.key(o, false), List.of(basis));
                m.put(EnergyBreakdown.key(o, true), List.of(acc.sram() == SramPricing.HOROWITZ
                        ? CachedCosts.basis(cost, Part.sramWrite(b.bankBytes())) : prices.buffer(o).basis()));
            }
            m.put("dram_pj", List.of(acc.dram().basis()));
            m.put("leakage_pj", pe.counts().keySet().stream()
                    .map(p -> "leakage density of its kind (asic/leakage.yaml) times its area; "
                            + CachedCosts.basis(cost, p)).toList());
            m.put("pe_array_um2", pe.counts().keySet().stream().map(p -> CachedCosts.basis(cost, p)).toList());
            if (acc.sram() != SramPricing.HOROWITZ)
                m.put("buffers_um2", java.util.Arrays.stream(Operand.values()).map(o -> prices.buffer(o).basis())
                        .toList());
            acc.attentionUnit().ifPresent(u -> {
                List<String> parts = u.inventory().counts().keySet().stream().map(p -> CachedCosts.basis(cost, p))
                        .toList();
                m.put("attention_unit_pj", parts);
                m.put("attention_unit_um2", parts);
            });
            s = Collections.unmodifiableMap(m);
            sources = s;
        }
        return s;
    }
}
