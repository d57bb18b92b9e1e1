package org.bitsweep.sim.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.bitsweep.workloads.UserInputException;

/**
 * A SCALE-Sim v2 configuration file ({@code configs/scale.cfg} in scalesim-project/scale-sim-v2) read into PE-array
 * knobs, so SCALE-Sim users bring their files unchanged. What maps: {@code ArrayHeight}/{@code ArrayWidth} to the
 * array, {@code Dataflow}, {@code IfmapSramSzkB}/{@code FilterSramSzkB}/{@code OfmapSramSzkB} to the activation,
 * weight and output buffers, and {@code MemoryBanks} (which SCALE-Sim's own reader ignores) to the banks. What does
 * not: the DRAM offsets (addresses in its traces), and {@code Bandwidth}/{@code InterfaceBandwidth}, which SCALE-Sim
 * counts in words per cycle for its trace generator; BitSweep's DRAM is {@code dram_gbps} at {@code clock_mhz}.
 * Keys are read as Python's configparser reads them: case-insensitive, {@code key = value} or {@code key: value}.
 */
public final class ScaleSimConfig {
    private ScaleSimConfig() {
    }

    /** @throws UserInputException naming the file, line and key of a value that cannot be read */
    public static KnobValues read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException("%s: no such file (a SCALE-Sim .cfg was expected)".formatted(file));
        } catch (IOException e) {
            throw new UserInputException("%s: cannot read: %s".formatted(file, e.getMessage()));
        }
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))
                continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).trim().toLowerCase(Locale.ROOT);
                continue;
            }
            int sep = separator(line);
            if (sep < 0)
                throw new UserInputException("%s:%d: \"%s\" is not key = value or key: value".formatted(file, i + 1,
                        line));
            String key = section + "." + line.substring(0, sep).trim().toLowerCase(Locale.ROOT);
            values.put(key, line.substring(sep + 1).trim());
            lineOf.put(key, i + 1);
        }
        if (!values.containsKey("architecture_presets.arrayheight"))
            throw new UserInputException("%s: no [architecture_presets] ArrayHeight; not a SCALE-Sim configuration"
                    .formatted(file));
        KnobValues k = new KnobValues();
        Reader r = new Reader(file, values, lineOf);
        int rows = r.integer("arrayheight", PeArraySpec.ROWS);
        int cols = r.integer("arraywidth", PeArraySpec.COLS);
        k.put(PeArraySpec.ARRAY_KNOB, PeArraySpec.ARRAY_KNOB.parse(rows + "x" + cols));
        if (r.has("dataflow"))
            k.put(PeArraySpec.DATAFLOW, r.parse("dataflow", PeArraySpec.DATAFLOW));
        if (r.has("ifmapsramszkb"))
            k.put(PeArraySpec.ACTIVATION_BUFFER_KIB, OptionalInt.of(r.integer("ifmapsramszkb", PeArraySpec.BUFFER_KIB)));
        if (r.has("filtersramszkb"))
            k.put(PeArraySpec.WEIGHT_BUFFER_KIB, OptionalInt.of(r.integer("filtersramszkb", PeArraySpec.BUFFER_KIB)));
        if (r.has("ofmapsramszkb"))
            k.put(PeArraySpec.OUTPUT_BUFFER_KIB, OptionalInt.of(r.integer("ofmapsramszkb", PeArraySpec.BUFFER_KIB)));
        if (r.has("memorybanks"))
            k.put(PeArraySpec.BUFFER_BANKS, r.integer("memorybanks", PeArraySpec.BUFFER_BANKS));
        return k;
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0)
            return colon;
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private record Reader(Path file, Map<String, String> values, Map<String, Integer> lines) {
        private static final String SECTION = "architecture_presets.";

        boolean has(String key) {
            return values.containsKey(SECTION + key);
        }

        <T> T parse(String key, Knob<T> knob) {
            String v = values.get(SECTION + key);
            try {
                return knob.parse(Raw.fromOption(v));
            } catch (UserInputException e) {
                throw new UserInputException("%s:%d: %s: %s".formatted(file, lines.get(SECTION + key), key,
                        e.getMessage()));
            }
        }

        int integer(String key, Knob<Integer> knob) {
            if (!has(key))
                throw new UserInputException("%s: [architecture_presets] %s is missing".formatted(file, key));
            return parse(key, knob);
        }
    }
}
