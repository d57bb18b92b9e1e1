package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.cli.BitSweepCliTest;

/** A study's sweep file (examples/studies/NAME.yaml), reduced by the test that runs it, run as `bitsweep run` runs it. */
final class StudyRun {
    static final Path STUDIES = Path.of("..", "examples", "studies");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StudyRun() {
    }

    /** Reads examples/studies/{@code name}.yaml, lets {@code reduce} rewrite its tree, runs it and returns its rows. */
    static List<CSVRecord> run(String name, Path dir, Consumer<ObjectNode> reduce) throws IOException {
        ObjectNode sweep = (ObjectNode) YAML.readTree(STUDIES.resolve(name + ".yaml").toFile());
        reduce.accept(sweep);
        Path file = dir.resolve(name + ".yaml");
        YAML.writeValue(file.toFile(), sweep);
        Path out = dir.resolve("out");
        BitSweepCliTest.Run r = BitSweepCliTest.bitsweep("run", file.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        try (Reader in = Files.newBufferedReader(out.resolve("results.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /** The one row whose columns hold the given values (column, value, column, value, ...). */
    static CSVRecord row(List<CSVRecord> rows, String... columnAndValue) {
        List<CSVRecord> hits = rows.stream().filter(r -> {
            for (int i = 0; i < columnAndValue.length; i += 2)
                if (!r.get(columnAndValue[i]).equals(columnAndValue[i + 1]))
                    return false;
            return true;
        }).toList();
        assertThat(hits).as("rows with %s", String.join(" ", columnAndValue)).hasSize(1);
        return hits.get(0);
    }

    static double num(CSVRecord row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
