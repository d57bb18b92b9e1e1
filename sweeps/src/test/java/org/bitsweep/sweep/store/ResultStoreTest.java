package org.bitsweep.sweep.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import java.util.zip.GZIPInputStream;

import org.bitsweep.sweep.eval.ResultRow;
import org.bitsweep.sweep.model.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.csv with results.jsonl plain, gzip or absent: what a cut leaves, resume keeps, and appending restores. */
class ResultStoreTest {
    static final List<String> HEADER = List.of("point", "pe", "energy_pj", "cycles", "feasible", "reason");

    static ResultRow row(long i) {
        return new ResultRow(i, List.of(i, i % 3 == 0 ? "bitmod" : "int-mac", 0.5 * i + 1e-3, 10 * i, i % 7 != 0,
                i % 7 == 0 ? "constraint: a, b\nand \"c\"" : ""));
    }

    static void write(ResultStore store, long from, long to) {
        for (long i = from; i < to; i++)
            store.write(row(i));
    }

    static PrimitiveIterator.OfLong ids(long n) {
        return LongStream.range(0, n).iterator();
    }

    static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aGzipFileCutByACrashResumesToTheSameRows(@TempDir Path dir) throws Exception {
        Path whole = Files.createDirectory(dir.resolve("whole"));
        try (ResultStore s = ResultStore.create(whole, HEADER, JsonLines.GZIP)) {
            write(s, 0, 3000);
        }
        Path cut = Files.createDirectory(dir.resolve("cut"));
        try (ResultStore s = ResultStore.create(cut, HEADER, JsonLines.GZIP)) {
            write(s, 0, 3000);
        }
        // A crash: the compressed file loses its tail in the middle of a deflate block, the CSV its last 100 bytes.
        truncate(cut.resolve(ResultStore.JSONL_GZ), Files.size(cut.resolve(ResultStore.JSONL_GZ)) / 2);
        truncate(cut.resolve(ResultStore.CSV), Files.size(cut.resolve(ResultStore.CSV)) - 100);

        ResultStore.Resumed r = ResultStore.resume(cut, HEADER, JsonLines.GZIP, ids(3000));
        assertThat(r.kept()).isBetween(1L, 2999L);
        assertThat(r.lastId()).isEqualTo(r.kept() - 1);
        try (ResultStore s = r.store()) {
            write(s, r.lastId() + 1, 3000);
        }
        assertThat(Files.readString(cut.resolve(ResultStore.CSV))).isEqualTo(Files.readString(whole.resolve(ResultStore.CSV)));
        assertThat(gunzip(cut.resolve(ResultStore.JSONL_GZ))).isEqualTo(gunzip(whole.resolve(ResultStore.JSONL_GZ)));
        assertThat(gunzip(whole.resolve(ResultStore.JSONL_GZ)).lines()).hasSize(3000);
    }

    @Test
    void withoutJsonLinesOnlyTheCsvIsWrittenAndResumed(@TempDir Path dir) throws Exception {
        try (ResultStore s = ResultStore.create(dir, HEADER, JsonLines.NONE)) {
            write(s, 0, 50);
        }
        assertThat(dir.resolve(ResultStore.JSONL)).doesNotExist();
        assertThat(dir.resolve(ResultStore.JSONL_GZ)).doesNotExist();
        String whole = Files.readString(dir.resolve(ResultStore.CSV));
        truncate(dir.resolve(ResultStore.CSV), Files.size(dir.resolve(ResultStore.CSV)) - 5);   // the 50th row torn
        ResultStore.Resumed r = ResultStore.resume(dir, HEADER, JsonLines.NONE, ids(50));
        assertThat(r.kept()).isEqualTo(49);
        try (ResultStore s = r.store()) {
            write(s, 49, 50);
        }
        assertThat(Files.readString(dir.resolve(ResultStore.CSV))).isEqualTo(whole);
    }

    @Test
    void aLineBreakInATextBecomesASpaceSoEveryRowIsOneLine(@TempDir Path dir) throws Exception {
        try (ResultStore s = ResultStore.create(dir, HEADER, JsonLines.PLAIN)) {
            write(s, 0, 8);
        }
        List<String> csv = Files.readAllLines(dir.resolve(ResultStore.CSV));
        assertThat(csv).hasSize(9);
        // Row 7 fails its constraint; the reason's quote is doubled and its line break is a space (RFC 4180).
        assertThat(csv.get(8)).isEqualTo("7,int-mac,3.501,70,false,\"constraint: a, b and \"\"c\"\"\"");
        assertThat(Files.readAllLines(dir.resolve(ResultStore.JSONL)).get(7))
                .isEqualTo("{\"point\":7,\"pe\":\"int-mac\",\"energy_pj\":3.501,\"cycles\":70,\"feasible\":false,"
                        + "\"reason\":\"constraint: a, b\\nand \\\"c\\\"\"}");
    }

    @Test
    void rowsThatAreNotTheSweepsFirstPointsAreRefusedWithTheirLine(@TempDir Path dir) throws Exception {
        try (ResultStore s = ResultStore.create(dir, HEADER, JsonLines.PLAIN)) {
            write(s, 0, 10);
        }
        // The sweep's points are 0, 1, 2, 4, ... (3 removed by a constraint): line 5 of results.csv holds 3.
        PrimitiveIterator.OfLong expected = LongStream.concat(LongStream.range(0, 3), LongStream.range(4, 20)).iterator();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultStore.resume(dir, HEADER, JsonLines.PLAIN, expected))
                .hasMessageContaining(dir.resolve(ResultStore.CSV) + ":5: point 3 where this sweep's next point is 4");
    }

    static void truncate(Path file, long bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(bytes);
        }
    }
}
