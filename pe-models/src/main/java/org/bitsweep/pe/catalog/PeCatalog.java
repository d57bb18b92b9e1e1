package org.bitsweep.pe.catalog;

import org.bitsweep.pe.PeModel;
import org.bitsweep.pe.PeParams;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.bitsweep.pe.ant.AntPe;
import org.bitsweep.pe.bitmod.BitModPe;
import org.bitsweep.pe.bitserial.BitSerialPe;
import org.bitsweep.pe.fpmac.FpMacPe;
import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.pe.lmul.LMulPe;
import org.bitsweep.pe.olive.OlivePe;
import org.bitsweep.pe.shiftadd.ShiftAddPe;
import org.bitsweep.workloads.UserInputException;

/** The PEs a sweep file may name. docs/pe-models.md describes each. */
public final class PeCatalog {
    /** One PE family: its id, a line for {@code bitsweep pes}, and how to build it from a sweep's knobs. */
    public record Entry(String id, String description, Function<PeParams, PeModel> factory) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(IntMacPe.ID, "bit-parallel integer MAC, any weight × activation width up to 16 bits, "
                    + "one MAC per cycle", IntMacPe::new),
            new Entry(BitSerialPe.ID, "Stripes (Judd et al., MICRO 2016): integer activations bit-serial, weights in "
                    + "parallel, a 16-lane serial inner-product unit (one adder tree, shifter and accumulator); cycles "
                    + "per MAC = activation bits", BitSerialPe::stripes),
            new Entry(BitSerialPe.PRAGMATIC_ID, "Bit-Pragmatic (Albericio et al., MICRO 2017): only the activations' "
                    + "non-zero bits, a 16-lane unit (a brick of 16 in step, one adder tree and accumulator); cycles from the activation code histogram, else all bits",
                    BitSerialPe::pragmatic),
            new Entry(BitModPe.ID, "BitMoD (Chen et al., HPCA 2025): 4-lane dot product, weights 2 bits per cycle "
                    + "(int, bitmod-fp3/fp4 and variants, bitmod3/4), fp16 activations in exact fixed point, "
                    + "bit-serial per-group dequantization", BitModPe::new),
            new Entry(ShiftAddPe.ID, "MixPE (Zhang et al. 2024): low-bit weights × int8 or fp16 activations by shift "
                    + "and add, no multiplier for ternary and power-of-two weights; scale and zero point once per group",
                    ShiftAddPe::new),
            new Entry(AntPe.ID, "ANT (Guo et al., MICRO 2022): int/flint/pot decoder to exponent-integer pairs, "
                    + "integer multiply and shift, one MAC per cycle", AntPe::new),
            new Entry(OlivePe.ID, "OliVe (Guo et al., ISCA 2023): outlier-victim pair decoder (olive4) and an "
                    + "exponent-integer MAC, one MAC per cycle", OlivePe::new),
            new Entry(FpMacPe.ID, "bit-parallel floating-point MAC: fp16, bf16, fp8-e4m3, fp8-e5m2 (any minifloat) "
                    + "into an fp32 (accumulator_bits 32) or fp16 (16) accumulator, round to nearest even", FpMacPe::new),
            new Entry(LMulPe.ID, "L-Mul (Luo & Sun 2024): floating-point multiply replaced by (1 + x_m + y_m + "
                    + "2^-l(m))·2^(x_e+y_e), fp32 or fp16 accumulator", LMulPe::new));

    private PeCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    /**
     * The PE {@code id} with these knobs. PEs are immutable, so one instance serves every caller: a sweep builds one per
     * point, and the simulator keeps what it derives from a PE (its inventory, its prices) against that instance.
     */
    public static PeModel create(String id, PeParams params) {
        Key key = new Key(id, params);
        PeModel pe = BUILT.get(key);
        if (pe != null)
            return pe;
        pe = ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown PE \"%s\"; valid: %s"
                        .formatted(id, String.join(", ", ids()))))
                .factory().apply(params);
        if (BUILT.size() >= KEPT)
            BUILT.clear();
        PeModel raced = BUILT.putIfAbsent(key, pe);
        return raced == null ? pe : raced;
    }

    private record Key(String id, PeParams params) {
    }

    /** Enough for every PE × accumulator width × overflow a sweep names; past it the cache starts again. */
    private static final int KEPT = 4096;
    private static final Map<Key, PeModel> BUILT = new ConcurrentHashMap<>();
}
