package org.bitsweep.pe.fpga;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Yosys's {@code synth_xilinx} (UltraScale+, no DSPs: the LUT model's counterpart) over several Verilog modules
 * in one process and reads back each module's cell counts from {@code stat}.
 */
final class Yosys {
    /** Cells one module synthesized to. */
    record Cells(int luts, int carries, int ffs, int muxes, int dsps) {
    }

    private static final Pattern CELL = Pattern.compile("^\\s+(\\w+)\\s+(\\d+)\\s*$");

    private Yosys() {
    }

    /** Whether a {@code yosys} executable is on the PATH. */
    static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null)
            return false;
        for (String dir : path.split(File.pathSeparator))
            if (Files.isExecutable(Path.of(dir, "yosys")))
                return true;
        return false;
    }

    /** Synthesizes every module (name → Verilog) and returns its cells, in the same order. */
    static Map<String, Cells> synthesize(Map<String, String> modules) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bitsweep-yosys");
        try {
            StringBuilder script = new StringBuilder();
            for (Map.Entry<String, String> m : modules.entrySet()) {
                Path v = dir.resolve(m.getKey() + ".v");
                Files.writeString(v, m.getValue());
                script.append("read_verilog %s\n".formatted(v))
                        .append("synth_xilinx -family xcup -top %s -nodsp -noiopad\n".formatted(m.getKey()))
                        .append("tee -q -o %s stat\n".formatted(dir.resolve(m.getKey() + ".stat")))
                        .append("design -reset\n");
            }
            Path ys = dir.resolve("run.ys");
            Files.writeString(ys, script);
            Process p = new ProcessBuilder("yosys", "-q", "-s", ys.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("yosys.log").toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("yosys took more than 300 s");
            }
            if (p.exitValue() != 0)
                throw new IllegalStateException("yosys failed: " + Files.readString(dir.resolve("yosys.log")));
            Map<String, Cells> cells = new LinkedHashMap<>();
            for (String name : modules.keySet())
                cells.put(name, parse(Files.readAllLines(dir.resolve(name + ".stat"), StandardCharsets.UTF_8)));
            return cells;
        } finally {
            List<Path> files = new ArrayList<>();
            try (var s = Files.list(dir)) {
                s.forEach(files::add);
            }
            for (Path f : files)
                Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    static Cells parse(List<String> stat) {
        int luts = 0, carries = 0, ffs = 0, muxes = 0, dsps = 0;
        for (String line : stat) {
            Matcher m = CELL.matcher(line);
            if (!m.matches())
                continue;
            String cell = m.group(1);
            int n = Integer.parseInt(m.group(2));
            if (cell.matches("LUT[1-6](_2)?"))
                luts += n;
            else if (cell.startsWith("CARRY"))
                carries += n;
            else if (cell.matches("FD[RSCP]E?"))
                ffs += n;
            else if (cell.startsWith("MUXF"))
                muxes += n;
            else if (cell.startsWith("DSP"))
                dsps += n;
        }
        return new Cells(luts, carries, ffs, muxes, dsps);
    }
}
