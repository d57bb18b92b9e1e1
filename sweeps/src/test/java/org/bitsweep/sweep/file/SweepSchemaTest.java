package org.bitsweep.sweep.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bitsweep.sweep.model.ResultColumns;
import org.junit.jupiter.api.Test;

/** docs/sweep-files.md's key and column tables are the schema's and the column registry's own. */
class SweepSchemaTest {
    static final Path DOC = Path.of("..", "docs", "sweep-files.md");

    static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as(begin + " in " + DOC).isNotNegative();
        assertThat(to).as(end + " in " + DOC).isGreaterThan(from);
        return text.substring(from + begin.length(), to).strip() + "\n";
    }

    @Test
    void theDocsKeyTableIsGeneratedFromTheSchema() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(between(doc, "<!-- keys:begin (generated: bitsweep schema --markdown) -->", "<!-- keys:end -->"))
                .isEqualTo(SweepSchema.markdownTable());
    }

    @Test
    void theDocsColumnTableIsGeneratedFromTheRegistry() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(between(doc, "<!-- columns:begin (generated: bitsweep schema --columns) -->", "<!-- columns:end -->"))
                .isEqualTo(ResultColumns.markdownTable());
    }

    @Test
    void everyKnobKeyOfTheSchemaIsAKeyTheReaderAccepts() {
        for (SweepSchema.Key k : SweepSchema.keys()) {
            String key = k.key();
            if (key.startsWith("target."))
                assertThat(SweepSchema.targetKeys()).contains(key.substring("target.".length()));
            else if (key.startsWith("quantization."))
                assertThat(SweepSchema.QUANTIZATION).contains(key.substring("quantization.".length()));
            else if (!key.contains("."))
                assertThat(SweepSchema.TOP).contains(key);
        }
        assertThat(ResultColumns.ENERGY_BREAKDOWN).hasSize(8);
    }
}
