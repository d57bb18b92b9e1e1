package org.bitsweep.workloads.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.workloads.UserInputException;
import org.junit.jupiter.api.Test;

class LayerPatternsTest {
    static final List<String> LLM = List.of("blocks.0.attn.qkv", "blocks.0.mlp.up", "blocks.0.mlp.down",
            "blocks.1.attn.qkv", "blocks.1.mlp.up", "blocks.1.mlp.down", "lm_head");

    @Test
    void theMostSpecificPatternWins() {
        // "blocks.*.mlp.*" has 12 literal characters, "blocks.**" 7; an exact name beats both.
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("blocks.**", "int8");
        patterns.put("blocks.*.mlp.*", "int4");
        patterns.put("blocks.1.mlp.down", "int2");
        patterns.put("lm_head", "fp8");
        assertThat(LayerPatterns.resolve(patterns, LLM, "quantization.layers")).containsExactly(
                Map.entry("blocks.0.attn.qkv", "int8"), Map.entry("blocks.0.mlp.up", "int4"),
                Map.entry("blocks.0.mlp.down", "int4"), Map.entry("blocks.1.attn.qkv", "int8"),
                Map.entry("blocks.1.mlp.up", "int4"), Map.entry("blocks.1.mlp.down", "int2"),
                Map.entry("lm_head", "fp8"));
    }

    @Test
    void aStarStaysWithinOnePartOfTheName() {
        assertThat(LayerPatterns.matches("blocks.*", "blocks.0.mlp.up")).isFalse();
        assertThat(LayerPatterns.matches("blocks.**", "blocks.0.mlp.up")).isTrue();
        assertThat(LayerPatterns.matches("conv*", "conv2")).isTrue();
        assertThat(LayerPatterns.matches("fc1", "fc10")).isFalse();
    }

    @Test
    void aPatternThatMatchesNothingNamesTheLayersThereAre() {
        assertThatThrownBy(() -> LayerPatterns.resolve(Map.of("lm-head", "int8"), LLM, "quantization.layers"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("quantization.layers: pattern \"lm-head\" matches no layer; the layers are: "
                        + String.join(", ", LLM));
    }

    @Test
    void twoEquallySpecificPatternsOnOneLayerAreAMistake() {
        Map<String, String> patterns = new LinkedHashMap<>();
        // Both have 9 literal characters: ".0.mlp.up" and "blocks.0.".
        patterns.put("*.0.mlp.up", "int4");
        patterns.put("blocks.0.**", "int8");
        assertThatThrownBy(() -> LayerPatterns.resolve(patterns, LLM, "quantization.layers"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("layer blocks.0.mlp.up matches \"*.0.mlp.up\" and \"blocks.0.**\"");
    }
}
