package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, and the files of a real run of the quickstart. */
public class BitSweepCliTest {
    public static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    public record Run(int code, String out, String err) {
    }

    public static Run bitsweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theQuickstartWritesResultsFrontsChartsAndAReport(@TempDir Path dir) throws Exception {
        Run r = bitsweep("run", QUICKSTART.toString(), "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
        // 7 weight formats × 2 activation formats × 3 arrays, plus the header.
        assertThat(rows).hasSize(1 + 42);
        assertThat(rows.get(0)).startsWith("point,workload,batch,layers,tokens,weights,activations")
                .contains("weight_sqnr_db", "cycles", "energy_pj", "area_um2", "feasible", "accuracy_source");
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSize(42);
        for (String chart : List.of("pareto-energy", "pareto-area", "breakdown-energy")) {
            BufferedImage png = ImageIO.read(dir.resolve(chart + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo(960);
            assertThat(Files.readString(dir.resolve(chart + ".svg"))).contains("<svg");
        }
        assertThat(Files.readString(dir.resolve("pareto-energy.svg"))).contains("weight SQNR (dB)", "Pareto front",
                "energy per run of the workload (");
        assertThat(Files.readString(dir.resolve("pareto-area.svg"))).contains("area (mm²)");
        assertThat(Files.readString(dir.resolve("breakdown-energy.svg"))).contains("weight buffer", "DRAM");
        assertThat(Files.readAllLines(dir.resolve("pareto.csv")).size()).isGreaterThan(1);
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<table class=\"sortable\"", "<svg");
        assertThat(dir.resolve("sweep.resolved.yaml")).exists();
        // bitsweep report redraws the same front from the files.
        List<String> front = Files.readAllLines(dir.resolve("pareto.csv"));
        Files.delete(dir.resolve("pareto.csv"));
        assertThat(bitsweep("report", dir.toString()).code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("pareto.csv"))).isEqualTo(front);
    }

    @Test
    void theSameSweepGivesTheSameRowsWithAnyNumberOfThreads(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Run first = bitsweep("run", QUICKSTART.toString(), "--out", one.toString(), "--threads", "1");
        assertThat(first.code()).isZero();
        // 42 points, but accuracy depends only on the 7 weight formats (one granularity): measured 7 times.
        assertThat(first.out()).contains("42 rows written (accuracy measured for 7 distinct quantizations)");
        assertThat(bitsweep("run", QUICKSTART.toString(), "--out", two.toString(), "--quiet", "--threads", "2").code()).isZero();
        assertThat(Files.readString(one.resolve("results.csv"))).isEqualTo(Files.readString(two.resolve("results.csv")));
    }

    @Test
    void aMalformedSweepFileExitsWithTwoAndOneMessageWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                workload: llama-2-7b:decode
                quantization:
                  weights: [int4, fp5]
                  activations: int8
                target:
                  array: 16x16
                """);
        Run r = bitsweep("run", bad.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("bitsweep: " + bad + ":3: quantization.weights[1]: unknown format "
                + "\"fp5\"; valid: int2..int16, uint2..uint16, eXmY").doesNotContain("\n");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputPathThatIsAFileIsAUserError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Run r = bitsweep("run", QUICKSTART.toString(), "--out", file.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("bitsweep: --out: " + file + " is a file, not a folder").doesNotContain("\tat ");
    }

    @Test
    void helpAndVersionAndListings() throws Exception {
        assertThat(bitsweep("--help").out()).contains("run", "formats", "pes", "workloads");
        for (String sub : List.of("run", "report", "quantize", "formats", "pes", "workloads"))
            assertThat(bitsweep(sub, "--help").code()).isZero();
        assertThat(bitsweep("--version").out()).startsWith("bitsweep ");
        JsonNode formats = new ObjectMapper().readTree(bitsweep("formats", "--json").out());
        assertThat(formats.get(2).get("name").asText()).isEqualTo("int4");
        assertThat(formats.get(2).get("values").get(0).asDouble()).isEqualTo(-8);
        JsonNode e4m3 = null;
        JsonNode fp16 = null;
        for (JsonNode f : formats) {
            assertThat(f.fieldNames()).toIterable().contains("name", "aliases", "bits", "max", "min_normal",
                    "min_subnormal");
            if (f.get("name").asText().equals("fp8-e4m3"))
                e4m3 = f;
            if (f.get("name").asText().equals("fp16"))
                fp16 = f;
        }
        // OCP E4M3: 254 finite values less one for -0 (0x80) = 253, from -448 to 448; fp16 lists no values.
        assertThat(e4m3.get("aliases").get(0).asText()).isEqualTo("float8_e4m3fn");
        assertThat(e4m3.get("values").size()).isEqualTo(253);
        assertThat(e4m3.get("values").get(0).asDouble()).isEqualTo(-448);
        assertThat(e4m3.get("min_subnormal").asDouble()).isEqualTo(0x1p-9);
        assertThat(fp16.has("values")).isFalse();
        assertThat(formats.get(2).get("min_subnormal").isNull()).isTrue();
        assertThat(new ObjectMapper().readTree(bitsweep("pes", "--json").out()).get(0).get("id").asText())
                .isEqualTo("int-mac");
        assertThat(new ObjectMapper().readTree(bitsweep("workloads", "--json").out()).get(0).get("params").asLong())
                .isEqualTo(6_738_415_616L);
        assertThat(bitsweep("report", "no/such/dir").err()).contains("no/such/dir: no such directory");
        assertThat(bitsweep("nonsense").code()).isEqualTo(2);
        assertThat(bitsweep("run", "--threads", "0", QUICKSTART.toString()).code()).isEqualTo(2);
    }
}
