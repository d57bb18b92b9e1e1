package org.bitsweep.workloads.io;

import java.nio.ByteBuffer;

/** The element encodings the readers decode; both file formats map their own dtype names onto these. */
enum ElementType {
    FLOAT32(4),
    FLOAT16(2),
    BFLOAT16(2);

    private final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    int bytes() {
        return bytes;
    }

    /** Decodes the next element of {@code buffer}, in the buffer's byte order. */
    float next(ByteBuffer buffer) {
        return switch (this) {
            case FLOAT32 -> buffer.getFloat();
            case FLOAT16 -> HalfFloats.float16ToFloat(buffer.getShort());
            case BFLOAT16 -> HalfFloats.bfloat16ToFloat(buffer.getShort());
        };
    }
}
