package org.bitsweep.sweep.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bitsweep.workloads.UserInputException;

/**
 * Reads a results file as a stream of its complete lines, numbered from 1; a torn last line (a run killed while
 * writing it) is left out, as resume leaves it out.
 */
public final class ResultLines {
    /** What is done with each line. */
    @FunctionalInterface
    public interface LineAction {
        void accept(long number, String line);
    }

    private ResultLines() {
    }

    /** @throws UserInputException for a line far longer than any row (e.g. NUL bytes left by a second writer) */
    public static void forEach(Path file, LineAction action) throws IOException {
        try (LineReader in = new LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (String line = in.next(); line != null; line = in.next())
                action.accept(in.lineNumber(), line);
        } catch (LineReader.LineTooLong e) {
            throw new UserInputException(("%s:%d: a line of more than %,d bytes, which is no row of results; the file "
                    + "was changed by something other than bitsweep; rerun the sweep (bitsweep run SWEEP --force)")
                    .formatted(file, e.line, LineReader.MAX_LINE_BYTES));
        }
    }
}
