package org.bitsweep.sweep.store;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The complete lines of a results file, one at a time, with the byte offset after each: what resume needs to keep
 * a prefix of rows and cut the rest. A last line without its newline was torn by a crash and is not returned, and a
 * compressed stream that ends mid-block (a crash again) simply ends. Lines longer than {@link #MAX_LINE_BYTES} are
 * no rows of ours (e.g. megabytes of NUL bytes a second writer left) and are reported as such.
 */
final class LineReader implements Closeable {
    /** Far above any row we write (a few hundred bytes), far below what would strain memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** A line over {@link #MAX_LINE_BYTES}: the file holds something that is not one of our rows. */
    static final class LineTooLong extends IOException {
        final long line;

        LineTooLong(long line) {
            super("line " + line + " is longer than " + MAX_LINE_BYTES + " bytes");
            this.line = line;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean ended;
    private byte[] line = new byte[256];
    private long offset;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next complete line without its newline, or null when there is none (end of input, or a torn line). */
    String next() throws IOException {
        int length = 0;
        long consumed = 0;
        while (true) {
            if (position == limit && !fill())
                return null;
            int start = position;
            while (position < limit && buffer[position] != '\n')
                position++;
            int chunk = position - start;
            if (length + chunk > MAX_LINE_BYTES)
                throw new LineTooLong(lineNumber + 1);
            if (length + chunk > line.length)
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            consumed += chunk;
            if (position < limit) {
                position++;
                offset += consumed + 1;
                lineNumber++;
                return new String(line, 0, length, StandardCharsets.UTF_8);
            }
        }
    }

    /** Bytes of the input up to and including the newline of the last line returned. */
    long offset() {
        return offset;
    }

    /** The number of the last line returned, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        if (ended)
            return false;
        int n;
        try {
            n = in.read(buffer);
        } catch (EOFException | ZipException e) {
            n = -1;                      // a compressed stream cut by a crash: what came before it stands
        }
        if (n <= 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
