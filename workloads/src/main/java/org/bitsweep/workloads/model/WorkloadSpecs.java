package org.bitsweep.workloads.model;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitsweep.workloads.UserInputException;

/**
 * What a sweep file's {@code workload} and {@code simulate --workload} accept, read in one place: a zoo workload
 * ({@code llama-2-7b:decode}, {@code resnet-50}), one GEMM ({@code gemm:MxNxK}: m activation rows, n outputs, k the
 * reduction) or a SCALE-Sim topology CSV ({@link ScaleSimTopology}), a path relative to {@code baseDir}.
 */
public final class WorkloadSpecs {
    private static final Pattern GEMM = Pattern.compile("gemm:(\\d+)x(\\d+)x(\\d+)");
    public static final String FORMS = "a zoo workload (bitsweep workloads), e.g. llama-2-7b:decode; gemm:MxNxK; or a "
            + "SCALE-Sim topology file, NAME.csv";

    private WorkloadSpecs() {
    }

    /** @throws UserInputException saying which forms are valid */
    public static Workload resolve(String spec, Path baseDir) {
        String text = spec == null ? "" : spec.trim();
        if (text.startsWith("gemm:"))
            return gemm(text);
        if (ScaleSimTopology.isTopologyFile(text))
            return ScaleSimTopology.read(baseDir.resolve(text));
        return ModelZoo.bundled().workload(text);
    }

    private static Workload gemm(String text) {
        Matcher m = GEMM.matcher(text);
        if (!m.matches())
            throw new UserInputException("\"%s\" is not gemm:MxNxK with M, N, K positive integers, e.g. gemm:1x4096x4096"
                    .formatted(text));
        long[] dims = new long[3];
        for (int i = 0; i < 3; i++) {
            String digits = m.group(i + 1);
            dims[i] = digits.length() > 10 ? 0 : Long.parseLong(digits);
            if (dims[i] < 1 || dims[i] > Integer.MAX_VALUE)
                throw new UserInputException("\"%s\": M, N and K must each be in [1, %d]".formatted(text,
                        Integer.MAX_VALUE));
        }
        GemmShape shape = new GemmShape(dims[0], dims[1], dims[2]);
        try {
            shape.macs();
        } catch (ArithmeticException e) {
            throw new UserInputException("\"%s\": M·N·K is more than %d MACs, beyond what BitSweep counts"
                    .formatted(text, Long.MAX_VALUE));
        }
        return new Workload(text, Phase.INFERENCE, 1, 1, List.of(new Layer("gemm", shape)));
    }
}
