package org.bitsweep.sim.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.cost.NotPricedException;
import org.bitsweep.cost.Part;
import org.bitsweep.cost.memory.SramCells;
import org.bitsweep.cost.memory.SramModel;
import org.bitsweep.cost.memory.SramPrice;
import org.bitsweep.sim.price.CachedCosts;

/**
 * How the buffers' SRAM is priced.
 * <ul>
 *   <li>{@link #CACTI_LSTP}, the default: the CACTI 7 table with low-standby-power cells and periphery
 *       (memory/sram-cacti-lstp.yaml), as Accelergy's CACTI plug-in prices accelerator buffers: read and write energy
 *       of one access of the buffer's width, by capacity, width and banks, and its area and leakage. Buffers idle
 *       most cycles, where high-performance cells would leak hundreds of mW per 512 KiB at 45 nm. CACTI's LSTP cycle
 *       time (2 to 4 times HP's) is not priced: the simulator assumes the banks keep up with the clock.</li>
 *   <li>{@link #CACTI_HP}: the same table with high-performance cells (memory/sram-cacti.yaml), as ZigZag's CACTI
 *       template, which BitMoD's simulator uses, prices them.</li>
 *   <li>{@link #HOROWITZ}: Horowitz's 8 KB, 32 KB and 1 MB reads (asic/sram-read.yaml) through a power law, per bit
 *       at one bank's capacity, the pricing BitSweep began with; it has no area or leakage, so buffers stay out of
 *       the area and the leakage.</li>
 * </ul>
 */
public enum SramPricing {
    CACTI_LSTP("cacti-lstp"),
    CACTI_HP("cacti-hp"),
    HOROWITZ("horowitz");

    private final String id;

    SramPricing(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** One buffer's prices. */
    public record BufferPrice(double readPjPerBit, double writePjPerBit, double areaUm2, double leakageMw,
                              String basis) {
        public boolean areaPriced() {
            return !Double.isNaN(areaUm2);
        }
    }

    private record Key(SramPricing pricing, String node, long bytes, int widthBits, int banks) {
    }

    private static final Map<Key, BufferPrice> PRICES = new ConcurrentHashMap<>();

    /**
     * @param widthBits the width of one access, for CACTI (Horowitz's table prices a 64-bit access, per bit)
     * @throws NotPricedException for a buffer the CACTI table does not reach (its message says what it covers)
     */
    public BufferPrice price(AsicCostModel cost, Buffer b, int widthBits) {
        return PRICES.computeIfAbsent(new Key(this, cost.node(), b.bytes(), widthBits, b.banks()), k -> switch (this) {
            case HOROWITZ -> new BufferPrice(CachedCosts.sramPjPerBit(cost, b.bankBytes(), false),
                    CachedCosts.sramPjPerBit(cost, b.bankBytes(), true), Double.NaN, 0,
                    CachedCosts.basis(cost, Part.sramRead(b.bankBytes())));
            case CACTI_HP, CACTI_LSTP -> {
                SramPrice p = SramModel.at(cost.node(), this == CACTI_HP ? SramCells.HP : SramCells.LSTP)
                        .price(b.bytes(), widthBits, b.banks());
                yield new BufferPrice(p.readPj() / widthBits, p.writePj() / widthBits, p.areaUm2(), p.leakageMw(),
                        p.basis());
            }
        });
    }
}
