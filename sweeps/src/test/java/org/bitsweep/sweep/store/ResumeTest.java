package org.bitsweep.sweep.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bitsweep.sweep.cli.BitSweepCliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process resumes of files cut the ways a crash cuts them. */
class ResumeTest {

    @Test
    void aTornLastLineAndARowInOnlyOneFileAreDroppedAndRerun(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Path cut = dir.resolve("cut");
        String sweep = BitSweepCliTest.QUICKSTART.toString();
        assertThat(bitsweep("run", sweep, "--out", whole.toString(), "--quiet").code()).isZero();
        assertThat(bitsweep("run", sweep, "--out", cut.toString(), "--quiet").code()).isZero();

        // As if killed: the CSV holds the header and 20 rows plus half of row 21; the JSONL 18 rows plus a torn one.
        List<String> csv = Files.readAllLines(cut.resolve("results.csv"));
        List<String> json = Files.readAllLines(cut.resolve("results.jsonl"));
        Files.writeString(cut.resolve("results.csv"), String.join("\n", csv.subList(0, 21)) + "\n"
                + csv.get(21).substring(0, 30), StandardCharsets.UTF_8);
        Files.writeString(cut.resolve("results.jsonl"), String.join("\n", json.subList(0, 18)) + "\n"
                + json.get(18).substring(0, 40), StandardCharsets.UTF_8);

        BitSweepCliTest.Run r = bitsweep("run", sweep, "--out", cut.toString(), "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resumed: 18 rows kept").contains("24 rows written");
        assertThat(Files.readString(cut.resolve("results.csv"))).isEqualTo(Files.readString(whole.resolve("results.csv")));
        assertThat(Files.readString(cut.resolve("results.jsonl"))).isEqualTo(Files.readString(whole.resolve("results.jsonl")));
    }

    @Test
    void resumingAnotherSweepsResultsIsRefused(@TempDir Path dir) throws Exception {
        assertThat(bitsweep("run", BitSweepCliTest.QUICKSTART.toString(), "--out", dir.toString(), "--quiet").code()).isZero();
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(BitSweepCliTest.QUICKSTART).replace("seed: 2024", "seed: 7"));
        BitSweepCliTest.Run r = bitsweep("run", other.toString(), "--out", dir.toString(), "--resume", "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("come from a different sweep");
    }
}
