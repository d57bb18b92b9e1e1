package org.bitsweep.sweep.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.report.io.AtomicFiles;
import org.bitsweep.workloads.UserInputException;

/**
 * A results folder owned by one run at a time. Taking it holds an operating-system lock on its {@code .bitsweep.lock}
 * until {@link #close}; a second run (or report) into it is refused, naming the one that holds it. The lock dies with
 * its process, so a killed run leaves nothing to clean up. {@link #start} then decides, before anything is written,
 * whether this run may write there: a folder that holds another sweep's results (or results of unknown origin) is
 * refused unless the user says {@code --force}.
 */
public final class OutputFolder implements Closeable {
    public static final String LOCK = ".bitsweep.lock";
    public static final String RESOLVED = "sweep.resolved.yaml";
    /** Written when a run's report is complete: its rows and the size of results.csv then. */
    static final String COMPLETE = ".bitsweep-complete";
    private static final Pattern NAME = Pattern.compile("(?m)^name: (.*)$");

    /** How a run starts in the folder. */
    public enum Start {
        /** Write every point; the folder's earlier results of this sweep (if any) are replaced. */
        FRESH,
        /** Keep the rows an interrupted run of the same sweep wrote, and run the rest. */
        RESUME
    }

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and takes its lock.
     *
     * @param holder what takes it, written into the lock file for a refused second run to name, e.g.
     *               {@code bitsweep run examples/quickstart.yaml}
     * @throws UserInputException when it cannot be a folder, or another process holds it
     */
    public static OutputFolder take(Path dir, String holder) {
        if (dir.toString().isBlank())
            throw new UserInputException("--out: an empty path; give a folder for the results, e.g. --out runs/mine");
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new UserInputException("--out: %s is a file, not a folder; give a folder for the results".formatted(dir));
        try {
            Files.createDirectories(dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserInputException("--out: cannot create the folder %s (%s); choose a writable folder"
                    .formatted(dir, e.getMessage()));
        }
        Path lockFile = dir.resolve(LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write in %s (%s); choose a writable folder"
                    .formatted(dir, e.getMessage()));
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;                                    // this JVM holds it already
            }
            if (lock == null) {
                String other = holderOf(channel);
                channel.close();
                throw new UserInputException(("%s: another bitsweep is writing there (%s); wait until it ends, or "
                        + "use another --out").formatted(dir, other));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap("pid %d: %s, since %s%n".formatted(ProcessHandle.current().pid(), holder,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputFolder(dir, channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private static String holderOf(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1024);
        channel.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "a run that has just started" : text;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Decides how a run of the sweep whose resolved text is {@code resolvedText} starts here, and prepares the
     * folder: for a fresh start the earlier result files go (plain and gzip JSON lines alike, so no stale file sits
     * beside fresh ones) and sweep.resolved.yaml is written.
     *
     * @throws UserInputException when the folder holds another sweep's results, or results of unknown origin, and
     *                            {@code force} is not given
     */
    public Start start(String resolvedText, boolean resume, boolean force) {
        Path resolved = dir.resolve(RESOLVED);
        String existing = null;
        try {
            if (Files.exists(resolved))
                existing = Files.readString(resolved, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (!force)
                throw new UserInputException("%s: cannot read (%s); use another --out, or --force to replace it"
                        .formatted(resolved, e.getMessage()));
        }
        boolean results = List.of(ResultStore.CSV, ResultStore.JSONL, ResultStore.JSONL_GZ).stream()
                .anyMatch(f -> Files.exists(dir.resolve(f)));
        if (!force && existing != null && !existing.equals(resolvedText))
            throw new UserInputException(resume
                    ? ("%s: the results there come from a different sweep (%s; its sweep.resolved.yaml differs from "
                    + "this sweep's); use another --out, or --force to replace them").formatted(dir, nameIn(existing))
                    : ("%s holds the results of another sweep (%s; its sweep.resolved.yaml differs from this sweep's); "
                    + "use another --out, or --force to replace them").formatted(dir, nameIn(existing)));
        if (!force && existing == null && results)
            throw new UserInputException(("%s holds results but no sweep.resolved.yaml, so they are not from a run "
                    + "of this sweep; use another --out, or --force to replace them").formatted(dir));
        if (resume && !force && existing != null)
            return Start.RESUME;
        try {
            for (String f : List.of(ResultStore.CSV, ResultStore.JSONL, ResultStore.JSONL_GZ, COMPLETE))
                Files.deleteIfExists(dir.resolve(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier results in " + dir, e);
        }
        AtomicFiles.replace(resolved, tmp -> Files.writeString(tmp, resolvedText, StandardCharsets.UTF_8));
        return Start.FRESH;
    }

    private static String nameIn(String resolvedText) {
        Matcher m = NAME.matcher(resolvedText);
        return m.find() ? "sweep \"" + m.group(1).strip() + "\"" : "a sweep with no name";
    }

    /** Whether the report was completed for exactly these rows, and results.csv has not changed size since. */
    public boolean completeFor(long rows) {
        try {
            Path marker = dir.resolve(COMPLETE);
            return Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8)
                    .equals(completeText(rows));
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that the report for these rows is complete; a later resume with nothing to do can then skip it. */
    public void markComplete(long rows) {
        try {
            String text = completeText(rows);
            AtomicFiles.replace(dir.resolve(COMPLETE), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(COMPLETE), e);
        }
    }

    /** Before anything in the folder changes: the report it holds is no longer known to match. */
    public void markIncomplete() {
        try {
            Files.deleteIfExists(dir.resolve(COMPLETE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(COMPLETE), e);
        }
    }

    private String completeText(long rows) throws IOException {
        return "rows %d%nresults.csv bytes %d%n".formatted(rows, Files.size(dir.resolve(ResultStore.CSV)));
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + dir.resolve(LOCK), e);
        }
    }
}
