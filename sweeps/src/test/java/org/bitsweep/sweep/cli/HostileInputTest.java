package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.QUICKSTART;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bitsweep.sweep.cli.BitSweepCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs of issue #17 that printed a stack trace or an unclear message: each is now exit 2 and one clear line. */
class HostileInputTest {

    static void cleanError(Run r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("\tat ", "Exception");
    }

    static Path quickstartWith(Path dir, String from, String to) throws Exception {
        String text = Files.readString(QUICKSTART);
        assertThat(text).contains(from);
        return Files.writeString(dir.resolve("q.yaml"), text.replace(from, to));
    }

    @Test
    void bitmodRunsInt2WeightsAsItsListSays() {
        Run describe = bitsweep("pes", "describe", "bitmod", "--weights", "int2", "--activations", "int8");
        assertThat(describe.code()).as(describe.err()).isZero();
        Run simulate = bitsweep("simulate", "--pe", "bitmod", "--array", "16x16", "--workload", "gemm:64x64x64",
                "--weights", "int2", "--activations", "int8");
        assertThat(simulate.code()).as(simulate.err()).isZero();
    }

    @Test
    void aSyntheticTensorBeyondOneArrayIsRefusedWithItsSize(@TempDir Path dir) throws Exception {
        Path sweep = quickstartWith(dir, "rows: 1024, cols: 4096", "rows: 65536, cols: 65536");
        cleanError(bitsweep("run", sweep.toString(), "--dry-run"),
                sweep + ":13: accuracy.tensor.rows: 65536×65536 is 4,294,967,296 values");
        cleanError(bitsweep("quantize", "--format", "int4", "--synthetic", "gaussian", "--shape", "65536,65536"),
                "--shape: 65536×65536 is 4,294,967,296 values");
    }

    @Test
    void aNegativeStdIsAUserError() {
        cleanError(bitsweep("quantize", "--format", "int4", "--synthetic", "gaussian", "--shape", "16,16", "--std", "-1"),
                "--std: -1.0; the scale of a synthetic tensor is a finite number > 0");
    }

    @Test
    void infinityNanAndTwentyDigitsNameTheirField(@TempDir Path dir) throws Exception {
        cleanError(bitsweep("run", quickstartWith(dir, "std: 0.02", "std: .inf").toString(), "--dry-run"),
                ":13: accuracy.tensor.std: expected a number, got the string \".inf\"");
        cleanError(bitsweep("run", quickstartWith(dir, "std: 0.02", "std: .nan").toString(), "--dry-run"),
                ":13: accuracy.tensor.std: expected a number, got the string \".nan\"");
        cleanError(bitsweep("run", quickstartWith(dir, "seed: 2024", "seed: 12345678901234567890").toString(),
                "--dry-run"), ":8: seed: 12345678901234567890 is too large");
    }

    @Test
    void aDirectoryABinaryFileAndAnAliasAreNamedForWhatTheyAre(@TempDir Path dir) throws Exception {
        cleanError(bitsweep("run", dir.toString()), dir + ": a directory, not a sweep file");
        Path binary = Files.write(dir.resolve("a.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x7F, 0x45, 0x4C, 0x46});
        cleanError(bitsweep("run", binary.toString()), binary + ": not a text file (it is not UTF-8)");
        Path alias = quickstartWith(dir, "pe: int-mac", "pe: *mac");
        cleanError(bitsweep("run", alias.toString(), "--dry-run"), "target.pe: *mac is a YAML alias");
    }

    @Test
    void aNulByteIsReportedOnItsOwnLine(@TempDir Path dir) throws Exception {
        Path nul = Files.writeString(dir.resolve("nul.yaml"), "version: 1\nname: x\n  \0workload: a\n");
        cleanError(bitsweep("run", nul.toString()), nul + ":3: a NUL byte (U+0000) at column 3");
    }

    @Test
    void tooManyThreadsOrPointsAreRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        cleanError(bitsweep("run", QUICKSTART.toString(), "--threads", "100000", "--out", dir.toString()),
                "--threads: 100000; use 1 to " + cores * 4);
        // 7 × 2 × 3 = 42 points: a limit of 41 refuses the quickstart, naming its size and how to raise the limit.
        cleanError(bitsweep("run", QUICKSTART.toString(), "--max-points", "41", "--out", dir.toString()),
                "the design space has 42 points, more than the limit of 41; sweep fewer values");
        assertThat(dir.resolve("results.csv")).doesNotExist();
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing(@TempDir Path dir) {
        Run r = bitsweep("run", QUICKSTART.toString(), "--dry-run", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("42 design points");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theSparkEngineWithoutItsJarSaysHowToGetIt(@TempDir Path dir) {
        cleanError(bitsweep("run", QUICKSTART.toString(), "--engine", "spark", "--out", dir.toString()),
                "--engine spark: this bitsweep jar has no Spark executor");
        cleanError(bitsweep("run", QUICKSTART.toString(), "--engine", "ray"), "--engine: \"ray\"; valid: local, spark");
    }
}
