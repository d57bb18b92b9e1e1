package org.bitsweep.sweep.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.bitsweep.pe.Overflow;
import org.bitsweep.workloads.format.NumberFormat;

/**
 * Writes the sweep as understood, every default filled in and every axis as a list, in the same schema the reader
 * accepts, so {@code sweep.resolved.yaml} can be run again as it is.
 */
public final class ResolvedSweepWriter {
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ResolvedSweepWriter() {
    }

    public static Map<String, Object> tree(SweepFile s) {
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("rows", s.accuracy().rows());
        tensor.put("cols", s.accuracy().cols());
        tensor.put("std", s.accuracy().std());
        Map<String, Object> accuracy = new LinkedHashMap<>();
        accuracy.put("metric", s.accuracy().metric());
        accuracy.put("tensor", tensor);
        Map<String, Object> quantization = new LinkedHashMap<>();
        quantization.put("weights", names(s.weights(), NumberFormat::name));
        quantization.put("activations", names(s.activations(), NumberFormat::name));
        quantization.put("granularity", names(s.granularity(), Object::toString));
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("pe", s.pe());
        hardware.put("array", names(s.array(), Object::toString));
        hardware.put("accumulator_bits", s.accumulatorBits());
        hardware.put("overflow", names(s.overflow(), Overflow::id));
        hardware.put("buffer_kib", s.bufferKib());
        hardware.put("clock_mhz", s.clockMhz());
        hardware.put("node", s.node());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        root.put("seed", s.seed());
        root.put("workload", s.workloadSpec());
        root.put("accuracy", accuracy);
        root.put("quantization", quantization);
        root.put("hardware", hardware);
        return root;
    }

    public static void write(SweepFile s, Path file) {
        try {
            String header = "# The sweep as BitSweep understood it (from %s), with every default filled in.\n"
                    .formatted(s.file());
            Files.writeString(file, header + YAML.writeValueAsString(tree(s)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <T> List<String> names(List<T> values, Function<T, String> name) {
        return values.stream().map(name).toList();
    }
}
