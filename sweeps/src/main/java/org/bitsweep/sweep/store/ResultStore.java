package org.bitsweep.sweep.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.workloads.UserInputException;

/**
 * results.csv and results.jsonl, written row by row as points finish. Each row goes to each file as one complete
 * line in a single write, flushed at once, so a crash leaves at most one torn last line; {@link #resume} drops it,
 * keeps only the rows both files hold in full, and reopens the files for appending.
 */
public final class ResultStore implements Closeable {
    public static final String CSV = "results.csv";
    public static final String JSONL = "results.jsonl";
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

    private final List<String> header;
    private final OutputStream csv;
    private final OutputStream jsonl;

    private ResultStore(List<String> header, OutputStream csv, OutputStream jsonl) {
        this.header = List.copyOf(header);
        this.csv = csv;
        this.jsonl = jsonl;
    }

    /** Starts both files afresh with the header line (CSV) and nothing (JSONL). */
    public static ResultStore create(Path dir, List<String> header) {
        try {
            OutputStream csv = Files.newOutputStream(dir.resolve(CSV));
            OutputStream jsonl = Files.newOutputStream(dir.resolve(JSONL));
            csv.write(FORMAT.format(header.toArray()).concat("\n").getBytes(StandardCharsets.UTF_8));
            csv.flush();
            return new ResultStore(header, csv, jsonl);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results in " + dir, e);
        }
    }

    /** What an interrupted run left: the points both files hold whole, and the store reopened to append. */
    public record Resumed(ResultStore store, Set<Long> finished) {
    }

    /**
     * Reopens an interrupted run's files. A torn last line (no newline, or not parsable) is dropped; a row present
     * in one file but not the other (a crash between the two writes) is dropped from both; both files are rewritten
     * with only the rows they share, atomically, before appending resumes.
     */
    public static Resumed resume(Path dir, List<String> header) {
        Path csvPath = dir.resolve(CSV);
        Path jsonlPath = dir.resolve(JSONL);
        if (!Files.exists(csvPath) || !Files.exists(jsonlPath))
            return new Resumed(create(dir, header), Set.of());
        String headerLine = FORMAT.format(header.toArray());
        try {
            try (BufferedReader in = Files.newBufferedReader(csvPath, StandardCharsets.UTF_8)) {
                if (!headerLine.equals(in.readLine()))
                    throw new UserInputException(("%s: its header differs from this sweep's columns, so it comes from "
                            + "another sweep; use another --out, or run without --resume").formatted(csvPath));
            }
            Set<Long> finished = ids(csvPath, true, line -> csvId(line, header.size()));
            finished.retainAll(ids(jsonlPath, false, ResultStore::jsonId));
            keepOnly(csvPath, true, finished, line -> csvId(line, header.size()));
            keepOnly(jsonlPath, false, finished, ResultStore::jsonId);
            OutputStream csv = Files.newOutputStream(csvPath, StandardOpenOption.APPEND);
            OutputStream jsonl = Files.newOutputStream(jsonlPath, StandardOpenOption.APPEND);
            return new Resumed(new ResultStore(header, csv, jsonl), finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + dir, e);
        }
    }

    public synchronized void write(ResultRow row) {
        try {
            byte[] csvLine = FORMAT.format(row.values().stream().map(ResultStore::csvValue).toArray())
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++)
                object.put(header.get(i), row.values().get(i));
            byte[] jsonLine = JSON.writeValueAsString(object).concat("\n").getBytes(StandardCharsets.UTF_8);
            csv.write(csvLine);
            csv.flush();
            jsonl.write(jsonLine);
            jsonl.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a result row", e);
        }
    }

    private static Object csvValue(Object v) {
        return v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 && !Double.isInfinite(d)
                ? d.toString() : v;
    }

    @Override
    public synchronized void close() {
        try {
            csv.close();
            jsonl.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of a file's complete, parsable rows; a last line without a newline was torn by a crash. */
    private static Set<Long> ids(Path file, boolean hasHeader, Function<String, Long> id) throws IOException {
        Set<Long> ids = new HashSet<>();
        forEachCompleteLine(file, hasHeader, line -> {
            Long i = id.apply(line);
            if (i != null)
                ids.add(i);
        });
        return ids;
    }

    /** Rewrites a file with its header and the rows of {@code keep}, through a temporary file moved into place. */
    private static void keepOnly(Path file, boolean hasHeader, Set<Long> keep, Function<String, Long> id)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".resume.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (hasHeader) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    out.write(in.readLine());
                    out.write('\n');
                }
            }
            IOException[] failure = new IOException[1];
            forEachCompleteLine(file, hasHeader, line -> {
                Long i = id.apply(line);
                if (i != null && keep.contains(i) && failure[0] == null) {
                    try {
                        out.write(line);
                        out.write('\n');
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null)
                throw failure[0];
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void forEachCompleteLine(Path file, boolean skipHeader, Consumer<String> action) throws IOException {
        boolean endsWithNewline;
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            if (ch.size() == 0)
                return;
            ch.position(ch.size() - 1);
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last);
            endsWithNewline = last.get(0) == '\n';
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (skipHeader)
                in.readLine();
            String line = in.readLine();
            while (line != null) {
                String next = in.readLine();
                if (next != null || endsWithNewline)
                    action.accept(line);
                line = next;
            }
        }
    }

    private static Long csvId(String line, int columns) {
        try (CSVParser p = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1 || records.get(0).size() != columns)
                return null;
            return Long.parseLong(records.get(0).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Long jsonId(String line) {
        try {
            return JSON.readTree(line).get("point").asLong();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

}
