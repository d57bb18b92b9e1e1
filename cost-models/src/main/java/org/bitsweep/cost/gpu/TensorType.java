package org.bitsweep.cost.gpu;

import java.util.Arrays;
import java.util.Locale;

/** The operand types a tensor core multiplies; both operands of one MMA instruction have the same type. */
public enum TensorType {
    FP16, BF16, TF32,
    /** FP8, E4M3 or E5M2 (the same rate on every GPU that has it). */
    FP8,
    INT8, INT4,
    /** One-bit operands combined by AND (or XOR) and population count: PTX {@code mma ... .b1 ... .and.popc}. */
    BINARY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TensorType byId(String file, String id, String where) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalStateException("%s: %s: type: \"%s\"; valid: %s".formatted(file, where, id,
                        Arrays.stream(values()).map(TensorType::id).toList())));
    }
}
