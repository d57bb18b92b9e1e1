package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples give the rows they gave before sweep files were reshaped around the typed target specification:
 * every column of results.csv written then (src/test/resources/golden/, commit aa84141) holds the same text in every
 * row today; new columns are allowed.
 */
class GoldenResultsTest {
    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "fmnist-pes"})
    void anExampleWritesTheRowsItWroteBefore(String example, @TempDir Path dir) throws IOException {
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", Path.of("..", "examples", example + ".yaml").toString(),
                "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> before = rows(Path.of("src", "test", "resources", "golden", example + "-results.csv"));
        List<CSVRecord> now = rows(dir.resolve("results.csv"));
        assertThat(now).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++)
            for (String column : before.get(i).getParser().getHeaderNames())
                assertThat(now.get(i).get(column)).as("%s row %d column %s", example, i, column)
                        .isEqualTo(before.get(i).get(column));
    }

    static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
