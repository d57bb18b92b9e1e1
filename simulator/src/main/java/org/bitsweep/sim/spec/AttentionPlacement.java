package org.bitsweep.sim.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bitsweep.sim.attention.AttentionUnit;

/**
 * Where a PE array's accelerator runs attention (Q·Kᵀ and P·V against the KV cache): on the PE array itself, on an
 * fp16 or int8 attention unit beside it, or {@code auto}: on the array when some accumulator width (the given one,
 * or auto's) lets its PE run every layer, the KV cache's and the activations' formats included, else on an fp16
 * unit (the weight-specialised PEs of BitMoD, ANT, OliVe and MixPE take integer or lookup weights, not an fp16 KV
 * cache).
 */
public enum AttentionPlacement {
    AUTO, ARRAY, FP16, INT8;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static final List<AttentionPlacement> ALL = List.of(values());

    /** The unit this placement builds, given whether the PE runs the attention formats. */
    public Optional<AttentionUnit> unit(boolean peRunsAttention, int lanes) {
        return switch (this) {
            case ARRAY -> Optional.empty();
            case FP16 -> Optional.of(new AttentionUnit(AttentionUnit.Format.FP16, lanes));
            case INT8 -> Optional.of(new AttentionUnit(AttentionUnit.Format.INT8, lanes));
            case AUTO -> peRunsAttention ? Optional.empty()
                    : Optional.of(new AttentionUnit(AttentionUnit.Format.FP16, lanes));
        };
    }
}
