package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.studies.StudyRun.num;
import static org.bitsweep.sweep.studies.StudyRun.row;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/studies/fp8-vs-int8.yaml (docs/studies/fp8-vs-int8.md) reduced to 100 images, int8 into 32 and 16 bits and
 * E4M3 into fp32 and fp16: the figures point the way the page's full run does.
 */
class Fp8VsInt8StudyTest {
    @Test
    void fp8CostsMoreThanInt8AtEveryAccumulatorAndBothNeedTheirWideAccumulator(@TempDir Path dir) throws IOException {
        List<CSVRecord> rows = StudyRun.run("fp8-vs-int8", dir, sweep -> {
            ((ObjectNode) sweep.get("accuracy")).put("images", 100);
            ArrayNode cases = (ArrayNode) sweep.get("cases");
            ((ObjectNode) cases.get(0).get("target")).putArray("accumulator_bits").add(32).add(16);
            ObjectNode fp = (ObjectNode) cases.get(1).get("quantization");
            fp.put("weights", "fp8-e4m3");
            fp.put("activations", "fp8-e4m3");
            ((ObjectNode) cases.get(1)).remove("zip");
        });
        assertThat(rows).hasSize(4);
        CSVRecord int32 = row(rows, "pe", "int-mac", "accumulator_bits", "32");
        CSVRecord int16 = row(rows, "pe", "int-mac", "accumulator_bits", "16");
        CSVRecord fp32 = row(rows, "pe", "fp-mac", "accumulator_bits", "32");
        CSVRecord fp16 = row(rows, "pe", "fp-mac", "accumulator_bits", "16");
        // PE energy per MAC at 45 nm. int8 into int32 (Horowitz): multiplier 0.2 + adder 0.1 + registers 48 bits x
        // 0.009 = 0.432, plus 1/k of a per-channel rescale: about 0.75 pJ. E4M3 into fp32: the E4M3 multiplier 0.228
        // + Horowitz's fp32 add 0.9 + the same 0.432 = 1.56 pJ, a ratio of 2.07 (page); into fp16, 0.228 + 0.4 +
        // 32 bits x 0.009 = 0.916, 1.22x the int32 MAC.
        assertThat(num(fp32, "pe_pj_per_mac") / num(int32, "pe_pj_per_mac")).isBetween(1.8, 2.4);
        assertThat(num(fp16, "pe_pj_per_mac") / num(int16, "pe_pj_per_mac")).isGreaterThan(1.4);
        assertThat(num(fp32, "area_pe_array_um2") / num(int32, "area_pe_array_um2")).isBetween(5.0, 8.0);
        // Accuracy through the PEs: the wide accumulators keep the FP32 model's accuracy (page: 92.2 and 91.8 % on
        // 1,000 images); int16 wraps and fp16 overflows (448^2 > 65,504), both near chance.
        assertThat(num(int32, "top1")).isGreaterThan(0.8);
        assertThat(num(fp32, "top1")).isGreaterThan(0.8);
        assertThat(num(int16, "top1")).isLessThan(0.4);
        assertThat(num(fp16, "top1")).isLessThan(0.4);
    }
}
