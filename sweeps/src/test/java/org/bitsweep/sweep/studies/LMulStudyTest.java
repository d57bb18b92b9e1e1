package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.studies.StudyRun.num;
import static org.bitsweep.sweep.studies.StudyRun.row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/studies/lmul.yaml (docs/studies/lmul.md) reduced to E4M3 and int8 and 200 images: the figures point the way
 * the page's full run does.
 */
class LMulStudyTest {
    @Test
    void lMulSavesAFractionOfAnFp8MacButStaysAboveInt8AndCostsLittleAccuracy(@TempDir Path dir) throws IOException {
        List<CSVRecord> rows = StudyRun.run("lmul", dir, sweep -> {
            ((ObjectNode) sweep.get("accuracy")).put("images", 200);
            ObjectNode q = (ObjectNode) sweep.get("cases").get(0).get("quantization");
            q.put("weights", "fp8-e4m3");
            q.put("activations", "fp8-e4m3");
            ((ObjectNode) sweep.get("cases").get(0)).remove("zip");
        });
        assertThat(rows).hasSize(3);
        CSVRecord fp = row(rows, "pe", "fp-mac");
        CSVRecord lmul = row(rows, "pe", "lmul");
        CSVRecord int8 = row(rows, "pe", "int-mac");
        // Datapath per MAC at 45 nm: fp-mac = E4M3 multiplier 0.228 + fp32 add 0.9 = 1.128 pJ; L-Mul = two 5-bit adds
        // and a 5-bit 2:1 multiplexer, 0.054, + 0.9 = 0.954 pJ: 15 % saved, the fp32 add untouched.
        double saved = 1 - num(lmul, "mac_pj_per_mac") / num(fp, "mac_pj_per_mac");
        assertThat(saved).isBetween(0.10, 0.25);
        assertThat(num(int8, "pe_pj_per_mac")).isLessThan(num(lmul, "pe_pj_per_mac"));
        // L-Mul's approximation (6.9 % mean error per E4M3 product) moves top-1 by under a point on the full run.
        assertThat(num(lmul, "top1")).isGreaterThan(num(fp, "top1") - 0.05);
    }
}
