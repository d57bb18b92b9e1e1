package org.bitsweep.workloads.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;

/**
 * A SCALE-Sim v2 topology file (scalesim-project/scale-sim-v2, {@code topologies/}) as a workload, read as SCALE-Sim's
 * {@code topology_utils.py} reads it, so its users bring their files unchanged. Two forms, told apart by the header:
 * <ul>
 *   <li>convolutions, {@code Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels,
 *       Num Filter, Strides[, Stride width]}: each lowers to the GEMM SCALE-Sim maps, m = output pixels with
 *       {@code ofmap = ⌈(ifmap − filter + stride) / stride⌉} per side, n = filters, k = filter height × width ×
 *       channels. A layer whose name contains {@code DP} is depthwise: SCALE-Sim runs it as one single-channel
 *       layer per channel, here one GEMM counted that many times.</li>
 *   <li>GEMMs, {@code Layer, M, N, K}: SCALE-Sim turns them into a 1×K filter over an M×K input with N filters, which
 *       is the GEMM m = M, n = N, k = K.</li>
 * </ul>
 * As in SCALE-Sim, a row's fields end at its last comma (anything after it, such as {@code #dw}, is a comment), and
 * blank lines are skipped; a row with nothing after its last field is read whole too.
 */
public final class ScaleSimTopology {
    private ScaleSimTopology() {
    }

    /** @throws UserInputException naming the file, line and field that cannot be read */
    public static Workload read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserInputException("%s: no such file (a SCALE-Sim topology CSV was expected)".formatted(file));
        } catch (IOException e) {
            throw new UserInputException("%s: cannot read: %s".formatted(file, e.getMessage()));
        }
        if (lines.isEmpty())
            throw new UserInputException(file + ":1: empty; a SCALE-Sim topology starts with its header line");
        List<String> header = fields(lines.get(0));
        boolean gemm = header.size() >= 4 && header.get(1).equalsIgnoreCase("M") && header.get(2).equalsIgnoreCase("N")
                && header.get(3).equalsIgnoreCase("K");
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank())
                continue;
            List<String> f = fields(lines.get(i));
            String where = "%s:%d".formatted(file, i + 1);
            layers.add(gemm ? gemmLayer(where, f) : convLayer(where, f));
        }
        if (layers.isEmpty())
            throw new UserInputException(file + ": no layers after the header");
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Workload(name, Phase.INFERENCE, 1, 1, layers);
    }

    /** SCALE-Sim's {@code row.split(',')[:-1]}: what follows the last comma is not a field, unless it is a number. */
    private static List<String> fields(String line) {
        List<String> f = new ArrayList<>(Arrays.stream(line.strip().split(",", -1)).map(String::strip).toList());
        if (f.size() > 1 && !f.get(f.size() - 1).matches("[0-9]+"))
            f.remove(f.size() - 1);
        return f;
    }

    private static Layer gemmLayer(String where, List<String> f) {
        if (f.size() < 4)
            throw new UserInputException("%s: a GEMM row is Layer, M, N, K; got %d fields".formatted(where, f.size()));
        return new Layer(name(where, f), new GemmShape(positive(where, "M", f.get(1)), positive(where, "N", f.get(2)),
                positive(where, "K", f.get(3))));
    }

    private static Layer convLayer(String where, List<String> f) {
        if (f.size() < 8)
            throw new UserInputException(("%s: a convolution row is Layer name, IFMAP Height, IFMAP Width, Filter "
                    + "Height, Filter Width, Channels, Num Filter, Strides; got %d fields").formatted(where, f.size()));
        long ifmapH = positive(where, "IFMAP Height", f.get(1));
        long ifmapW = positive(where, "IFMAP Width", f.get(2));
        long filterH = positive(where, "Filter Height", f.get(3));
        long filterW = positive(where, "Filter Width", f.get(4));
        long channels = positive(where, "Channels", f.get(5));
        long filters = positive(where, "Num Filter", f.get(6));
        long strideH = positive(where, "Strides", f.get(7));
        long strideW = f.size() > 8 ? positive(where, "Stride width", f.get(8)) : strideH;
        if (filterH > ifmapH || filterW > ifmapW)
            throw new UserInputException("%s: a %dx%d filter is larger than the %dx%d input".formatted(where, filterH,
                    filterW, ifmapH, ifmapW));
        long ofmapH = ceilDiv(ifmapH - filterH + strideH, strideH);
        long ofmapW = ceilDiv(ifmapW - filterW + strideW, strideW);
        boolean depthwise = f.get(0).contains("DP");
        long perLayerChannels = depthwise ? 1 : channels;
        GemmShape shape = new GemmShape(Math.multiplyExact(ofmapH, ofmapW), filters,
                Math.multiplyExact(Math.multiplyExact(filterH, filterW), perLayerChannels));
        return new Layer(name(where, f), shape, depthwise ? channels : 1, LayerClass.CONVOLUTION);
    }

    private static String name(String where, List<String> f) {
        if (f.get(0).isBlank())
            throw new UserInputException(where + ": the layer has no name");
        return f.get(0);
    }

    private static long positive(String where, String field, String text) {
        try {
            long v = Long.parseLong(text);
            if (v >= 1 && v <= Integer.MAX_VALUE)
                return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("%s: %s: \"%s\"; valid: an integer 1 to %d".formatted(where, field, text,
                Integer.MAX_VALUE));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Whether a workload spec names a topology file rather than a zoo model or a GEMM. */
    public static boolean isTopologyFile(String spec) {
        return spec.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
