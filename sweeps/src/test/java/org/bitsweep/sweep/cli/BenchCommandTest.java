package org.bitsweep.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The figures' names and that they are there; what they are is JMH's business (benchmarks/), not a unit test's. */
class BenchCommandTest {
    @Test
    void printsTheThreeFiguresAsJson() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("--seconds", "0.2", "--threads", "1", "--json")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("decode_ms_per_run").asDouble()).isPositive();
        assertThat(j.get("prefill_2048_ms_per_run").asDouble()).isPositive();
        assertThat(j.get("configurations_per_minute").asDouble()).isPositive();
        assertThat(j.get("grid_points").asInt()).isEqualTo(5400);
        assertThat(j.get("workload").asText()).isEqualTo("llama-2-7b:decode");
    }
}
