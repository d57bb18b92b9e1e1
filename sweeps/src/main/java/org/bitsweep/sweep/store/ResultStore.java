package org.bitsweep.sweep.store;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.JsonLines;
import org.bitsweep.workloads.UserInputException;

/**
 * results.csv and, as the sweep asks, results.jsonl (plain or gzip), appended row by row in point order.
 *
 * <p>Rows go through a buffer that is handed to the operating system when full and at least once a second, always
 * in order: whatever a crash (even SIGKILL) leaves is a prefix of the rows, plus at most one torn line at the end of
 * each file. {@link #resume} keeps the rows both files hold whole, checks they are the first points of the sweep,
 * cuts each file after them and appends from there, so an interrupted run resumed writes the same bytes as one that
 * never stopped. Memory does not grow with the number of rows, neither writing nor resuming.
 */
public final class ResultStore implements Closeable {
    public static final String CSV = "results.csv";
    public static final String JSONL = "results.jsonl";
    public static final String JSONL_GZ = "results.jsonl.gz";
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final int BUFFER_BYTES = 1 << 16;
    private static final long FLUSH_EVERY_NANOS = 1_000_000_000L;

    private final List<String> header;
    private final Out csv;
    private final Out jsonl;
    private final ByteArrayBuilder jsonBytes = new ByteArrayBuilder(1024);
    private long lastFlush = System.nanoTime();

    private ResultStore(List<String> header, Out csv, Out jsonl) {
        this.header = List.copyOf(header);
        this.csv = csv;
        this.jsonl = jsonl;
    }

    /** The name of the JSON lines file for a setting, or null when it writes none. */
    public static String jsonlName(JsonLines mode) {
        return switch (mode) {
            case PLAIN -> JSONL;
            case GZIP -> JSONL_GZ;
            case NONE -> null;
        };
    }

    /** The files a store writes for a setting: results.csv, and the JSON lines file if any. */
    public static List<String> fileNames(JsonLines mode) {
        List<String> names = new ArrayList<>(List.of(CSV));
        if (jsonlName(mode) != null)
            names.add(jsonlName(mode));
        return names;
    }

    /** Starts the files afresh: results.csv with its header line, the JSON lines file empty. */
    public static ResultStore create(Path dir, List<String> header, JsonLines mode) {
        try {
            Out csv = Out.plain(dir.resolve(CSV), false);
            csv.write((FORMAT.format(header.toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
            Out jsonl = switch (mode) {
                case PLAIN -> Out.plain(dir.resolve(JSONL), false);
                case GZIP -> Out.gzip(Files.newOutputStream(dir.resolve(JSONL_GZ)));
                case NONE -> null;
            };
            ResultStore store = new ResultStore(header, csv, jsonl);
            store.flush();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results in " + dir, e);
        }
    }

    /**
     * What an interrupted run left and what is kept of it.
     *
     * @param kept   rows kept: the first {@code kept} points the sweep lets through
     * @param lastId the id of the last kept row, -1 when none is kept
     */
    public record Resumed(ResultStore store, long kept, long lastId) {
    }

    /**
     * Reopens an interrupted run's files. Rows are read from both files side by side; the kept rows are those both
     * hold whole and alike, which must be the first points of the sweep ({@code expectedIds}, in order). A torn last
     * line is dropped, and so are rows one file holds beyond the other (a crash between their buffers). Each file is
     * then cut after the kept rows and reopened for appending.
     *
     * @throws UserInputException when the files hold rows that are not this sweep's first points, or lines that are
     *                            no rows at all: they were not written by an interrupted run of this sweep
     */
    public static Resumed resume(Path dir, List<String> header, JsonLines mode, PrimitiveIterator.OfLong expectedIds) {
        Path csvPath = dir.resolve(CSV);
        Path jsonPath = mode == JsonLines.NONE ? null : dir.resolve(jsonlName(mode));
        if (!Files.exists(csvPath) || (jsonPath != null && !Files.exists(jsonPath)))
            return new Resumed(create(dir, header, mode), 0, -1);
        String headerLine = FORMAT.format(header.toArray());
        long kept = 0;
        long lastId = -1;
        long csvCut;
        long jsonCut = 0;
        try (LineReader csv = new LineReader(new BufferedInputStream(Files.newInputStream(csvPath)));
             LineReader json = jsonPath == null ? null : new LineReader(jsonInput(jsonPath, mode))) {
            String first = csv.next();
            if (first == null)
                return new Resumed(create(dir, header, mode), 0, -1);
            if (!first.equals(headerLine))
                throw new UserInputException(("%s: its header differs from this sweep's columns, so it comes from "
                        + "another sweep; use another --out, or run without --resume").formatted(csvPath));
            csvCut = csv.offset();
            while (true) {
                String c = csv.next();
                if (c == null)
                    break;
                Long id = csvId(c, header.size());
                if (id == null)
                    throw notOurs(csvPath, csv.lineNumber(), "not a row of this sweep's " + header.size() + " columns");
                if (json != null) {
                    String j = json.next();
                    if (j == null)
                        break;
                    Long jid = jsonId(j);
                    if (jid == null)
                        throw notOurs(jsonPath, json.lineNumber(), "not a row of results");
                    if (jid.longValue() != id)
                        throw notOurs(jsonPath, json.lineNumber(), "holds point %d where results.csv line %d holds %d"
                                .formatted(jid, csv.lineNumber(), id));
                }
                long expected = expectedIds.hasNext() ? expectedIds.nextLong() : -1;
                if (id != expected)
                    throw notOurs(csvPath, csv.lineNumber(), expected < 0
                            ? "point %d, but this sweep has no more points".formatted(id)
                            : "point %d where this sweep's next point is %d".formatted(id, expected));
                kept++;
                lastId = id;
                csvCut = csv.offset();
                if (json != null)
                    jsonCut = json.offset();
            }
        } catch (LineReader.LineTooLong e) {
            throw notOurs(csvPath, e.line, "a line of more than " + LineReader.MAX_LINE_BYTES + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + dir, e);
        }
        try {
            truncate(csvPath, csvCut);
            Out csv = Out.plain(csvPath, true);
            Out jsonl = switch (mode) {
                case PLAIN -> {
                    truncate(jsonPath, jsonCut);
                    yield Out.plain(jsonPath, true);
                }
                case GZIP -> Out.gzip(recompressed(jsonPath, kept));
                case NONE -> null;
            };
            return new Resumed(new ResultStore(header, csv, jsonl), kept, lastId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + dir, e);
        }
    }

    private static UserInputException notOurs(Path file, long line, String what) {
        return new UserInputException(("%s:%d: %s; the files are not an interrupted run of this sweep (edited, or "
                + "written by something else); use another --out, or --force to start over").formatted(file, line, what));
    }

    private static InputStream jsonInput(Path file, JsonLines mode) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        if (mode != JsonLines.GZIP)
            return raw;
        try {
            return new GZIPInputStream(raw, BUFFER_BYTES);
        } catch (IOException e) {
            raw.close();
            return InputStream.nullInputStream();     // not even a whole gzip header: nothing was kept
        }
    }

    private static void truncate(Path file, long bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(bytes);
        }
    }

    /**
     * A gzip stream cannot be cut at a line, so its first {@code rows} lines are copied into a new stream, which
     * replaces the file (a rename: a crash before it leaves the old file) and stays open for appending.
     */
    private static OutputStream recompressed(Path file, long rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".resume.tmp");
        GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), BUFFER_BYTES, true);
        try (LineReader in = new LineReader(jsonInput(file, JsonLines.GZIP))) {
            for (long i = 0; i < rows; i++) {
                String line = in.next();
                if (line == null)
                    throw new IllegalStateException("results.jsonl.gz lost row " + i + " while resuming");
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    /** Appends one row to each file; rows must come in point order. */
    public synchronized void write(ResultRow row) {
        try {
            csv.write(csvLine(row.values()));
            if (jsonl != null)
                jsonl.write(jsonLine(row.values()));
            if (System.nanoTime() - lastFlush > FLUSH_EVERY_NANOS)
                flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a result row", e);
        }
    }

    /** Hands what is buffered to the operating system (a killed process keeps it; no fsync). */
    public synchronized void flush() throws IOException {
        csv.flush();
        if (jsonl != null)
            jsonl.flush();
        lastFlush = System.nanoTime();
    }

    private static byte[] csvLine(List<Object> values) {
        Object[] cells = new Object[values.size()];
        for (int i = 0; i < cells.length; i++)
            cells[i] = csvValue(values.get(i));
        return (FORMAT.format(cells) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whole doubles below 10^15 as {@code 16.0} (Double's own text), other values as they print. A line break in a
     * text (a refusal's message) becomes a space: a row is one line, which resume and the report rely on.
     */
    static Object csvValue(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 && !Double.isInfinite(d))
            return d.toString();
        if (v instanceof String s && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0))
            return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return v;
    }

    /** One JSON object, the columns in header order, as Jackson writes a map of them (NaN as a string). */
    private byte[] jsonLine(List<Object> values) throws IOException {
        jsonBytes.reset();
        try (JsonGenerator g = JSON.getFactory().createGenerator(jsonBytes)) {
            g.writeStartObject();
            for (int i = 0; i < header.size(); i++) {
                g.writeFieldName(header.get(i));
                Object v = values.get(i);
                if (v == null)
                    g.writeNull();
                else if (v instanceof Long l)
                    g.writeNumber(l);
                else if (v instanceof Double d)
                    g.writeNumber(d);
                else if (v instanceof String s)
                    g.writeString(s);
                else if (v instanceof Boolean b)
                    g.writeBoolean(b);
                else
                    JSON.writeValue(g, v);
            }
            g.writeEndObject();
        }
        jsonBytes.write('\n');
        return jsonBytes.toByteArray();
    }

    @Override
    public synchronized void close() {
        try {
            csv.close();
            if (jsonl != null)
                jsonl.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The point of a whole row of {@code columns} cells, or null when the line is not one. */
    private static Long csvId(String line, int columns) {
        CsvLine cells = new CsvLine();
        if (!cells.parse(line) || cells.size() != columns)
            return null;
        try {
            return Long.parseLong(cells.get(0));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The point of a JSON line as {@link #jsonLine} writes it: {@code {"point":ID,...}}; null for anything else. */
    private static Long jsonId(String line) {
        String prefix = "{\"point\":";
        int comma = line.indexOf(',');
        if (!line.startsWith(prefix) || comma < 0 || !line.endsWith("}"))
            return null;
        try {
            return Long.parseLong(line.substring(prefix.length(), comma));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One output file: a buffered stream, flushed on demand. */
    private static final class Out {
        private final OutputStream out;

        private Out(OutputStream out) {
            this.out = out;
        }

        static Out plain(Path file, boolean append) throws IOException {
            OutputStream raw = append ? Files.newOutputStream(file, StandardOpenOption.APPEND)
                    : Files.newOutputStream(file);
            return new Out(new java.io.BufferedOutputStream(raw, BUFFER_BYTES));
        }

        /** gzip with sync flushes: each flush ends a deflate block, so what was flushed decompresses after a crash. */
        static Out gzip(OutputStream raw) throws IOException {
            if (raw instanceof GZIPOutputStream g)
                return new Out(new java.io.BufferedOutputStream(g, BUFFER_BYTES));
            return new Out(new java.io.BufferedOutputStream(new GZIPOutputStream(raw, BUFFER_BYTES, true), BUFFER_BYTES));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void flush() throws IOException {
            out.flush();
        }

        void close() throws IOException {
            out.close();
        }
    }
}
