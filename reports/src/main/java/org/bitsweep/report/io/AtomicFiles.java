package org.bitsweep.report.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the content goes to a
 * hidden temporary file in the same directory, which is then renamed over the target in one step. A sweep killed
 * while drawing its charts thus keeps the previous charts intact.
 */
public final class AtomicFiles {
    /** Writes the whole content to the path it is given; that path does not exist yet. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}, replacing any existing file. The directory must exist.
     *
     * @throws UncheckedIOException if writing or renaming fails; the target is then left as it was
     */
    public static void replace(Path target, ContentWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path temp = temporarySibling(absolute);
        try {
            writer.writeTo(temp);
            // Same directory, so the rename stays on one file system and ATOMIC_MOVE is available.
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot write " + target + ": " + e, e);
            discard(temp, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(temp, e);
            throw e;
        }
    }

    /**
     * A fresh name beside the target. Not {@link Files#createTempFile}: that creates the file owner-only on POSIX,
     * and the rename would carry those permissions over to the report.
     */
    private static Path temporarySibling(Path absolute) {
        Path directory = absolute.getParent();
        if (directory == null)
            throw new IllegalArgumentException("cannot write " + absolute + ": it names no file inside a directory");
        return directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /**
     * Removes the partial file a failed write may have left. A failure to remove it is attached to the write's
     * failure rather than replacing it, since the first error is the one the user must fix.
     */
    private static void discard(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
