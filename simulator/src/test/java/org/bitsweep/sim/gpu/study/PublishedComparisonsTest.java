package org.bitsweep.sim.gpu.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prints the tables of docs/gpu.md: {@code ./mvnw -q -B -pl simulator -am test -Dtest=PublishedComparisonsTest -Dsurefire.failIfNoSpecifiedTests=false}. */
class PublishedComparisonsTest {
    @Test
    void everyPublishedFigureHasOurNumberBesideIt() {
        String report = PublishedComparisons.report();
        System.out.println(report);
        assertThat(report).contains("ABQ-LLM kernels", "COMET", "QServe", "LUT-GEMM", "FP6-LLM", "LLM.int8()");
        assertThat(report).doesNotContain("NaN", "Infinity");
    }
}
