package org.bitsweep.sweep.studies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.sweep.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * examples/studies/hawq-v3.sh (docs/studies/hawq-v3.md) reduced to HAWQ-V3's own INT4/8 candidates, one storage
 * budget and 200 images: the mix it picks saves energy against uniform INT8 for little accuracy, as the full study's.
 */
class HawqV3StudyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode bitsweep(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    /** The study's step 1: each layer's energy of one inference with uniform {@code weights}. */
    static Map<String, Double> layerEnergy(String weights) throws Exception {
        JsonNode sim = bitsweep("simulate", "--pe", "int-mac", "--array", "16x16", "--node", "45nm", "--workload",
                "fmnist-cnn", "--weights", weights, "--activations", "int8", "--granularity", "channel:0", "--json");
        Map<String, Double> e = new HashMap<>();
        for (JsonNode l : sim.get("layers"))
            e.merge(l.get("name").asText(), l.get("energy_pj").asDouble() * l.get("count").asDouble(), Double::sum);
        return e;
    }

    @Test
    void aSixBitBudgetPutsFc1AtInt4AndSavesEnergyAgainstUniformInt8() throws Exception {
        Map<String, Double> int4 = layerEnergy("int4");
        Map<String, Double> int8 = layerEnergy("int8");
        JsonNode a = bitsweep("allocate", "--model", "fmnist-cnn", "--formats", "int4,int8",
                "--budget-bits-per-weight", "6", "--images", "200", "--json");
        // fc1 holds 100,352 of the CNN's 105,032 weights; at int8 per output channel it alone costs
        // 100,352 · 8.02 / 105,032 = 7.66 bits per weight of the network, over the budget of 6: it must be int4.
        assertThat(a.get("formats").get("fc1").asText()).isEqualTo("int4");
        double mix = 0;
        for (var f = a.get("formats").fields(); f.hasNext(); ) {
            var e = f.next();
            mix += (e.getValue().asText().equals("int4") ? int4 : int8).get(e.getKey());
        }
        double uniform4 = int4.values().stream().mapToDouble(Double::doubleValue).sum();
        double uniform8 = int8.values().stream().mapToDouble(Double::doubleValue).sum();
        // The mix lies between the uniform designs, and most of its saving is fc1's: its weights' DRAM traffic
        // halves (full study: 0.70 of int8's energy, fc1 17.7 µJ at int8 against 9.0 at int4).
        assertThat(mix).isLessThan(uniform8).isGreaterThanOrEqualTo(uniform4);
        assertThat((int8.get("fc1") - int4.get("fc1")) / (uniform8 - mix)).isGreaterThan(0.5);
        // HAWQ-V3's INT4/8 mix loses under a point on ResNet-50; ours loses 0.4 points on 1,000 images. On 200
        // images one image is 0.5 points, so the reduced check allows 3.
        assertThat(a.get("measured_drop").asDouble()).isLessThan(0.03);
    }
}
