package org.bitsweep.sweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.QUICKSTART;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.bitsweep.sweep.cli.BitSweepCliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-loss cases of issue #17, each refused with exit 2 and nothing lost: two runs into one folder, a run over
 * another sweep's results, a name that climbs out of runs/, and results changed by something else.
 */
class OutputFolderTest {
    static final String SWEEP = QUICKSTART.toString();

    @Test
    void aSecondRunIntoAFolderAnotherRunHoldsIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        try (OutputFolder held = OutputFolder.take(out, "bitsweep run first.yaml")) {
            Run r = bitsweep("run", SWEEP, "--out", out.toString(), "--quiet");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("bitsweep: " + out + ": another bitsweep is writing there (pid "
                    + ProcessHandle.current().pid() + ": bitsweep run first.yaml, since ").doesNotContain("\tat ");
            assertThat(bitsweep("report", out.toString()).code()).isEqualTo(2);
            assertThat(out.resolve("results.csv")).doesNotExist();
        }
        // Released: the folder is free again, and the lock file stays behind harmlessly.
        assertThat(bitsweep("run", SWEEP, "--out", out.toString(), "--quiet").code()).isZero();
    }

    @Test
    void anotherSweepsResultsAreNotOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(bitsweep("run", SWEEP, "--out", out.toString(), "--quiet").code()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("results.csv"));
        Path other = Files.writeString(dir.resolve("other.yaml"),
                Files.readString(QUICKSTART).replace("seed: 2024", "seed: 7").replace("name: quickstart", "name: other"));

        Run r = bitsweep("run", other.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(out + " holds the results of another sweep (sweep \"quickstart\"", "--force")
                .doesNotContain("\tat ");
        assertThat(Files.readAllBytes(out.resolve("results.csv"))).isEqualTo(before);

        Run forced = bitsweep("run", other.toString(), "--out", out.toString(), "--quiet", "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(out.resolve("sweep.resolved.yaml"))).contains("name: other");
    }

    @Test
    void resultsOfUnknownOriginAreNotOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.csv"), "my,own\n1,2\n");
        Run r = bitsweep("run", SWEEP, "--out", dir.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holds results but no sweep.resolved.yaml");
        assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo("my,own\n1,2\n");
    }

    @Test
    void aNameThatLeavesRunsIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        for (String name : List.of("../../../escaped", "/tmp/escaped", "a/b", "..", "\"  \"")) {
            Path sweep = Files.writeString(dir.resolve("s.yaml"),
                    Files.readString(QUICKSTART).replace("name: quickstart", "name: " + name));
            Run r = bitsweep("run", sweep.toString(), "--quiet");
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).startsWith("bitsweep: " + sweep + ":7: name: ").contains("one folder name")
                    .doesNotContain("\tat ");
        }
        assertThat(Path.of("..", "..", "..", "escaped")).doesNotExist();
        assertThat(Path.of("runs")).doesNotExist();
        assertThat(bitsweep("run", SWEEP, "--out", "", "--quiet").err()).contains("--out: an empty path");
    }

    @Test
    void aResumeWithNothingLeftKeepsEveryRowAndLeavesTheReportAlone(@TempDir Path dir) throws Exception {
        assertThat(bitsweep("run", SWEEP, "--out", dir.toString(), "--quiet").code()).isZero();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(dir.resolve("report.html"), old);
        byte[] rows = Files.readAllBytes(dir.resolve("results.csv"));

        Run r = bitsweep("run", SWEEP, "--out", dir.toString(), "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resumed: 42 rows kept", "nothing left to run");
        assertThat(Files.getLastModifiedTime(dir.resolve("report.html"))).isEqualTo(old);
        assertThat(Files.readAllBytes(dir.resolve("results.csv"))).isEqualTo(rows);
    }

    @Test
    void aReportInterruptedBeforeItsEndIsDrawnAgainOnResume(@TempDir Path dir) throws Exception {
        assertThat(bitsweep("run", SWEEP, "--out", dir.toString(), "--quiet").code()).isZero();
        Files.delete(dir.resolve(OutputFolder.COMPLETE));          // as if killed while drawing the charts
        Files.delete(dir.resolve("report.html"));
        Run r = bitsweep("run", SWEEP, "--out", dir.toString(), "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resumed: 42 rows kept", "0 rows written");
        assertThat(dir.resolve("report.html")).exists();
    }

    @Test
    void bytesAnotherWriterLeftInTheResultsStopAResumeWithTheirLine(@TempDir Path dir) throws Exception {
        assertThat(bitsweep("run", SWEEP, "--out", dir.toString(), "--quiet").code()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        // What a second writer truncating the file under the first left: a run of NUL bytes between rows.
        String broken = String.join("\n", lines.subList(0, 6)) + "\n" + "\0".repeat(5000) + "\n"
                + String.join("\n", lines.subList(6, lines.size())) + "\n";
        Files.writeString(dir.resolve("results.csv"), broken, StandardCharsets.UTF_8);
        Run r = bitsweep("run", SWEEP, "--out", dir.toString(), "--resume", "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("results.csv") + ":7: not a row of this sweep").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("results.csv"), StandardCharsets.UTF_8)).isEqualTo(broken);
    }

    @Test
    void aReportOverAGarbageRowNamesItsLineAndATornLastRowIsSkipped(@TempDir Path dir) throws Exception {
        assertThat(bitsweep("run", SWEEP, "--out", dir.toString(), "--quiet").code()).isZero();
        Path csv = dir.resolve("results.csv");
        String whole = Files.readString(csv);
        Files.writeString(csv, whole + "12,garbage\n");
        Run garbage = bitsweep("report", dir.toString());
        assertThat(garbage.code()).isEqualTo(2);
        assertThat(garbage.err()).contains(csv + ":44: not a row of results: 2 cells").doesNotContain("\tat ");

        Files.writeString(csv, whole + "42,llama-2-7b:dec");          // a row torn by a kill
        Run torn = bitsweep("report", dir.toString());
        assertThat(torn.code()).as(torn.err()).isZero();
        assertThat(torn.out()).startsWith("42 rows");
    }
}
