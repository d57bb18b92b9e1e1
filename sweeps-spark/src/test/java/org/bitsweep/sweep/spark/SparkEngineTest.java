package org.bitsweep.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bitsweep.sweep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark --master local[2]} against {@code --engine local}: the same rows, byte for byte, and a Spark
 * run killed with SIGKILL midway and resumed loses no row and repeats none.
 */
class SparkEngineTest {
    /**
     * Two cases, a parameter constraint (which skips points inside ranges), a derived column, a metric constraint
     * and points that cannot run (bitmod's int8 weights refused), so that every kind of row travels back.
     */
    static final String MIXED = """
            version: 1
            name: mixed
            seed: 5
            workload: gemm:64x256x512
            accuracy:
              tensor: {rows: 32, cols: 256}
            quantization:
              weights: [int2, int4, int8]
              activations: [int8, fp16]
            target:
              rows: [4, 8, 16, 32]
              cols: [4, 8, 16, 32]
            cases:
              - target: {pe: int-mac}
                quantization: {activations: [int8]}
              - target: {pe: bitmod, accumulator_bits: 48}
                quantization: {weights: [int3, int4, int8], activations: [fp16]}
            derived:
              area_mm2: area_um2 / 1e6
            constraints:
              - rows <= cols
              - area_mm2 < 4
            outputs: {charts: [svg], report: false}
            """;

    /** Big enough to kill midway: 7 × 2 × 60 × 60 × 2 = 100,800 points. */
    static final String LARGE = """
            version: 1
            name: large
            seed: 3
            workload: llama-2-7b:decode
            accuracy:
              tensor: {rows: 64, cols: 1024}
            quantization:
              weights: [int2, int3, int4, int5, int6, int7, int8]
              activations: [int8, int16]
            target:
              rows: {range: [1, 60], step: 1}
              cols: {range: [1, 60], step: 1}
              buffer_kib: [128, 256]
            outputs: {charts: [png], report: false}
            """;

    record Run(int code, String out, String err) {
    }

    static Run bitsweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void localAndSparkWriteTheSameRows(@TempDir Path dir) throws IOException {
        Path sweep = Files.writeString(dir.resolve("mixed.yaml"), MIXED);
        Run local = bitsweep("run", sweep.toString(), "--out", dir.resolve("local").toString(), "--quiet");
        assertThat(local.code()).as(local.err()).isZero();
        Run spark = bitsweep("run", sweep.toString(), "--out", dir.resolve("spark").toString(), "--quiet",
                "--engine", "spark", "--master", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();

        List<String> rows = Files.readAllLines(dir.resolve("local").resolve("results.csv"));
        assertThat(rows.size()).isGreaterThan(20);
        assertThat(rows).anyMatch(r -> r.contains(",false,")).anyMatch(r -> r.contains(",true,"));
        for (String f : List.of("results.csv", "results.jsonl", "pareto.csv", "sweep.resolved.yaml"))
            assertThat(Files.mismatch(dir.resolve("local").resolve(f), dir.resolve("spark").resolve(f)))
                    .as(f).isEqualTo(-1);
    }

    @Test
    void aSparkRunKilledMidwayAndResumedLosesNoneAndRepeatsNone(@TempDir Path dir) throws Exception {
        Path sweep = Files.writeString(dir.resolve("large.yaml"), LARGE);
        Path whole = dir.resolve("whole");
        Run local = bitsweep("run", sweep.toString(), "--out", whole.toString(), "--quiet");
        assertThat(local.code()).as(local.err()).isZero();

        Path killed = dir.resolve("killed");
        Process p = child("run", sweep.toString(), "--out", killed.toString(), "--quiet", "--engine", "spark",
                "--master", "local[2]").start();
        Path csv = killed.resolve("results.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && (!Files.exists(csv) || Files.size(csv) < 500_000) && p.isAlive())
            Thread.sleep(20);
        assertThat(p.isAlive()).as("the Spark run must still be running when it is killed").isTrue();
        p.destroyForcibly();                 // SIGKILL: the driver and its local executors die at once
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        long before = Files.readAllLines(csv).size() - 1;
        long all = Files.readAllLines(whole.resolve("results.csv")).size() - 1;
        assertThat(before).isBetween(1L, all - 1);

        Process resumed = child("run", sweep.toString(), "--out", killed.toString(), "--resume", "--engine", "spark",
                "--master", "local[2]").start();
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("resumed: [0-9,]+ rows kept");
        // No row lost, none repeated: the same bytes as the uninterrupted local run.
        assertThat(Files.mismatch(killed.resolve("results.csv"), whole.resolve("results.csv"))).isEqualTo(-1);
        assertThat(Files.mismatch(killed.resolve("results.jsonl"), whole.resolve("results.jsonl"))).isEqualTo(-1);
    }

    /** The command line in a new JVM on this test's class path, with the options Spark needs on Java 17. */
    static ProcessBuilder child(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.awt.headless=true"));
        command.addAll(Arrays.asList(System.getProperty("spark.jvm.options", "").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.bitsweep.sweep.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
