package org.bitsweep.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bitsweep.sweep.pareto.ParetoFront;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 100,800-point sweep in real child JVMs with the heap capped at 256 MiB: it finishes (rows are streamed, not
 * held), its Pareto front equals the definition checked point by point, a run killed with SIGKILL midway and
 * resumed writes exactly the rows of the uninterrupted one, and a second run into the folder of a running one is
 * refused while the first finishes untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeSweepProcessTest {
    static final String SWEEP = """
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
    static final int POINTS = 7 * 2 * 60 * 60 * 2;

    Path dir;
    Path sweep;
    Path whole;

    @BeforeAll
    void runTheWholeSweepOnce() throws Exception {
        dir = Files.createTempDirectory("bitsweep-large");
        sweep = Files.writeString(dir.resolve("large.yaml"), SWEEP);
        whole = dir.resolve("whole");
        Process p = bitsweep("run", sweep.toString(), "--out", whole.toString(), "--quiet").start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    @AfterAll
    void removeTheFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The CLI in a new JVM with a 256 MiB heap, on this test's classpath. */
    static ProcessBuilder bitsweep(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.bitsweep.sweep.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void aHundredThousandPointsRunInA256MibHeapAndTheFrontIsExact() throws Exception {
        List<CSVRecord> rows = read(whole.resolve("results.csv"));
        assertThat(rows).hasSize(POINTS);
        double[][] objectives = rows.stream().map(r -> new double[] {-Double.parseDouble(r.get("weight_sqnr_db")),
                Double.parseDouble(r.get("energy_pj")), Double.parseDouble(r.get("area_um2"))}).toArray(double[][]::new);
        Set<Long> front = new HashSet<>();
        for (CSVRecord r : read(whole.resolve("pareto.csv")))
            front.add(Long.parseLong(r.get("point")));
        assertThat(front).isNotEmpty();
        // The definition, checked independently of the sort the extractor uses: no row dominates a front point,
        // and every other row is dominated by a front point (if any row dominates it, some front row does).
        List<double[]> frontObjectives = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++)
            if (front.contains(Long.parseLong(rows.get(i).get("point"))))
                frontObjectives.add(objectives[i]);
        for (double[] f : frontObjectives)
            for (double[] o : objectives)
                assertThat(ParetoFront.dominates(o, f)).isFalse();
        for (int i = 0; i < rows.size(); i++) {
            if (front.contains(Long.parseLong(rows.get(i).get("point"))))
                continue;
            double[] o = objectives[i];
            assertThat(frontObjectives.stream().anyMatch(f -> ParetoFront.dominates(f, o))).as("row %d", i).isTrue();
        }
    }

    @Test
    void aRunKilledWithSigkillAndResumedWritesExactlyTheUninterruptedRows() throws Exception {
        Path killed = dir.resolve("killed");
        Process p = bitsweep("run", sweep.toString(), "--out", killed.toString(), "--quiet").start();
        Path csv = killed.resolve("results.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && (!Files.exists(csv) || Files.size(csv) < 5_000_000) && p.isAlive())
            Thread.sleep(20);
        assertThat(p.isAlive()).as("the sweep must still be running when it is killed").isTrue();
        p.destroyForcibly();   // SIGKILL on Unix: no shutdown hooks, no flushing
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        long before = Files.readAllLines(csv).size() - 1;
        assertThat(before).isBetween(1L, (long) POINTS - 1);

        Process resumed = bitsweep("run", sweep.toString(), "--out", killed.toString(), "--resume").start();
        String output = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(output).isZero();
        assertThat(output).contains("resumed:");
        assertThat(Files.mismatch(killed.resolve("results.csv"), whole.resolve("results.csv"))).isEqualTo(-1);
        assertThat(Files.mismatch(killed.resolve("results.jsonl"), whole.resolve("results.jsonl"))).isEqualTo(-1);
    }

    @Test
    void aSecondRunIntoTheFolderOfARunningOneIsRefusedAndTheFirstLosesNothing() throws Exception {
        Path shared = dir.resolve("shared");
        Process first = bitsweep("run", sweep.toString(), "--out", shared.toString(), "--quiet").start();
        Path csv = shared.resolve("results.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && !Files.exists(csv) && first.isAlive())
            Thread.sleep(20);
        assertThat(first.isAlive()).as("the first run must still be running").isTrue();

        // Same sweep and another, with and without --resume or --force: each refused while the first holds the folder.
        for (String[] extra : List.of(new String[0], new String[] {"--resume"}, new String[] {"--force"})) {
            List<String> args = new ArrayList<>(List.of("run", sweep.toString(), "--out", shared.toString(), "--quiet"));
            args.addAll(List.of(extra));
            org.bitsweep.sweep.cli.BitSweepCliTest.Run second = org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep(
                    args.toArray(String[]::new));
            assertThat(second.code()).isEqualTo(2);
            assertThat(second.err()).contains(shared + ": another bitsweep is writing there (pid " + first.pid()
                    + ": bitsweep run " + sweep);
        }
        assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(Files.mismatch(csv, whole.resolve("results.csv"))).isEqualTo(-1);
        assertThat(Files.mismatch(shared.resolve("results.jsonl"), whole.resolve("results.jsonl"))).isEqualTo(-1);
    }

    static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
