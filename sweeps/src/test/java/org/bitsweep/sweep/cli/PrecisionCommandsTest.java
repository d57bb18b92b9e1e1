package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitsweep.sweep.cli.BitSweepCliTest.bitsweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PrecisionCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sensitivityMeasuresEveryLayerAtEveryFormat() throws Exception {
        BitSweepCliTest.Run r = bitsweep("sensitivity", "--model", "fmnist-mlp", "--formats", "int2,int4,int8",
                "--images", "200", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("images").asInt()).isEqualTo(200);
        assertThat(j.get("layers")).hasSize(3);
        for (JsonNode layer : j.get("layers")) {
            // int8 is the reference itself: no drop; int2 costs 2 bits plus a 16-bit scale per output row.
            assertThat(layer.at("/formats/int8/drop").asDouble()).isZero();
            assertThat(layer.at("/formats/int2/weight_bits_per_element").asDouble()).isGreaterThan(2.0);
        }
        assertThat(j.at("/layers/0/parameters").asLong()).isEqualTo(784 * 256);
    }

    @Test
    void allocateStaysWithinTheBudgetAndRunsTheMix() throws Exception {
        BitSweepCliTest.Run r = bitsweep("allocate", "--model", "fmnist-mlp", "--formats", "int2,int4,int8",
                "--budget-bits-per-weight", "4.5", "--images", "200", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("formats").size()).isEqualTo(3);
        assertThat(j.get("bits_per_weight").asDouble()).isLessThanOrEqualTo(4.5);
        assertThat(j.get("top1").asDouble()).isBetween(0.5, 1.0);
        assertThat(j.get("solver").asText()).startsWith("ILP (ojAlgo");
        BitSweepCliTest.Run text = bitsweep("allocate", "--model", "fmnist-mlp", "--formats", "int2,int4,int8",
                "--budget-bits-per-weight", "4.5", "--images", "200");
        assertThat(text.out()).contains("budget 4.500 bits per weight", "predicted drop", "solver: ILP");
    }

    @Test
    void mistakesExitWithTwoAndOneMessage() {
        BitSweepCliTest.Run format = bitsweep("sensitivity", "--model", "fmnist-mlp", "--formats", "int2,int99");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).startsWith("bitsweep: --formats: unknown format \"int99\"").doesNotContain("\tat ");
        BitSweepCliTest.Run tooSmall = bitsweep("allocate", "--model", "fmnist-mlp", "--formats", "int4,int8",
                "--budget-bits-per-weight", "1", "--images", "50");
        assertThat(tooSmall.code()).isEqualTo(2);
        assertThat(tooSmall.err()).contains("budget 1.0000 bits per weight is below the cheapest allocation");
        BitSweepCliTest.Run images = bitsweep("sensitivity", "--model", "fmnist-mlp", "--formats", "int4",
                "--images", "0");
        assertThat(images.code()).isEqualTo(2);
        assertThat(images.err()).contains("--images: 0; valid: 1 to 10,000");
    }

    @Test
    void helpNamesEveryOption() {
        assertThat(bitsweep("sensitivity", "--help").out()).contains("--model", "--formats", "--reference",
                "--activations", "--images", "--json", "Hessian");
        assertThat(bitsweep("allocate", "--help").out()).contains("--budget-bits-per-weight", "--formats", "--json");
    }
}
