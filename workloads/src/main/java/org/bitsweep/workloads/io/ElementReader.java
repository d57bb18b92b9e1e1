package org.bitsweep.workloads.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads a run of elements from a file position in fixed-size chunks. One tensor of a multi-GB checkpoint is read
 * without loading the rest, and a tensor over 2 GiB (past what one {@link ByteBuffer} can hold) still reads.
 */
final class ElementReader {
    private static final int CHUNK_BYTES = 1 << 20;

    private ElementReader() {
    }

    /**
     * @throws EOFException when the file ends before {@code count} elements; callers check the length first, so
     *                      this means the file shrank while it was read
     */
    static float[] read(FileChannel channel, long position, int count, ElementType type, ByteOrder order)
            throws IOException {
        float[] values = new float[count];
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES - CHUNK_BYTES % type.bytes()).order(order);
        long filePosition = position;
        int done = 0;
        while (done < count) {
            int elements = Math.min(count - done, chunk.capacity() / type.bytes());
            chunk.clear().limit(elements * type.bytes());
            while (chunk.hasRemaining()) {
                int n = channel.read(chunk, filePosition);
                if (n < 0)
                    throw new EOFException("file ended at byte %d, before element %d of %d"
                            .formatted(filePosition, done, count));
                filePosition += n;
            }
            chunk.flip();
            for (int i = 0; i < elements; i++)
                values[done++] = type.next(chunk);
        }
        return values;
    }
}
