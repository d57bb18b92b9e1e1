package org.bitsweep.sweep.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams rows to a CSV file as they arrive, flushing after each, so an interrupted sweep keeps every row it
 * finished.
 */
public final class CsvResultWriter implements Closeable {
    private final CSVPrinter printer;

    public CsvResultWriter(Path file, List<String> header) {
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.printer = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                    .setHeader(header.toArray(String[]::new)).get().print(out);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public synchronized void write(List<?> row) {
        try {
            printer.printRecord(row);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
