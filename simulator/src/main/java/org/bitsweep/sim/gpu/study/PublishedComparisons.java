package org.bitsweep.sim.gpu.study;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bitsweep.cost.ReferenceFigure;
import org.bitsweep.cost.ReferenceFigures;
import org.bitsweep.sim.gpu.GemmOperands;
import org.bitsweep.sim.gpu.GemmResult;
import org.bitsweep.sim.gpu.target.GpuTarget;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.IntFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.model.GemmShape;
import org.bitsweep.workloads.model.Layer;
import org.bitsweep.workloads.model.LayerKind;
import org.bitsweep.workloads.model.ModelZoo;
import org.bitsweep.workloads.model.Workload;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.trace.OperandFormats;
import org.bitsweep.workloads.trace.Trace;

/**
 * Our GPU model beside the figures the seed papers publish ({@code gpu/published-figures.yaml}): the tables of
 * docs/gpu.md, printed as Markdown. Every number on our side is computed here from the kernels and the GPU data files;
 * nothing is tuned to the published figure.
 *
 * <p>Run: {@code ./mvnw -q -B -pl simulator -am test -Dtest=PublishedComparisonsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, which prints the tables; {@link #main} prints the same.
 */
public final class PublishedComparisons {
    private static final String FIGURES = "gpu/published-figures.yaml";
    private static final NumberFormat FP16 = Formats.parse("fp16");
    private static final NumberFormat BF16 = Formats.parse("bf16");
    private static final IntFormat INT8 = IntFormat.signed(8);
    private static final IntFormat INT4 = IntFormat.signed(4);
    private static final long G128 = 128;

    private final List<ReferenceFigure> figures;
    private final StringBuilder out = new StringBuilder();

    private PublishedComparisons() {
        try (InputStream in = PublishedComparisons.class.getClassLoader().getResourceAsStream(FIGURES)) {
            if (in == null)
                throw new IllegalStateException("missing bundled data file " + FIGURES);
            figures = ReferenceFigures.parse(FIGURES, in);
        } catch (IOException e) {
            throw new UncheckedIOException(FIGURES, e);
        }
    }

    public static void main(String[] args) {
        System.out.print(report());
    }

    /** Every comparison of docs/gpu.md, as Markdown. */
    public static String report() {
        PublishedComparisons c = new PublishedComparisons();
        c.abqKernels();
        c.abqEndToEnd();
        c.comet();
        c.qserve();
        c.lutGemm();
        c.fp6();
        c.llmInt8();
        return c.out.toString();
    }

    // ABQ-LLM: kernel speedups over CUTLASS W8A8 at M = 1, 4, 8 on LLaMA-7B shapes.
    private void abqKernels() {
        heading("ABQ-LLM kernels over W8A8 (a100-80gb; k × n read as input × output)");
        row("config", "M, k × n", "published", "ours", "ours / published");
        GpuTarget abq = GpuTarget.of("a100-80gb", "abq-binary");
        GpuTarget dense = GpuTarget.of("a100-80gb", "dense-mma");
        String[] ids = {"m1-4096x4096", "m1-4096x11008", "m1-11008x4096", "m4-4096x4096", "m8-4096x4096"};
        long[][] shapes = {{1, 4096, 4096}, {1, 11008, 4096}, {1, 4096, 11008}, {4, 4096, 4096}, {8, 4096, 4096}};
        for (int bits : new int[] {2, 3, 4}) {
            for (int i = 0; i < ids.length; i++) {
                GemmShape s = new GemmShape(shapes[i][0], shapes[i][1], shapes[i][2]);
                double w8a8 = dense.gemm(s, GemmOperands.of(INT8, INT8, GemmOperands.PER_CHANNEL)).seconds();
                double ours = w8a8 / abq.gemm(s, GemmOperands.of(IntFormat.signed(bits), INT8, GemmOperands.PER_CHANNEL)).seconds();
                ReferenceFigure f = figure("abq.kernel.w" + bits + "a8." + ids[i]);
                row("W" + bits + "A8", "%d, %d × %d".formatted(s.m(), s.k(), s.n()), x(f.value()), x(ours), ratio(ours, f.value()));
            }
        }
    }

    // ABQ-LLM: LLaMA-7B decode of 1024 tokens (LLaMA-2-7B has the same shapes), mean context 512.
    private void abqEndToEnd() {
        heading("ABQ-LLM end to end: LLaMA-7B decode of 1024 tokens (a100-80gb, mean context 512, linear and attention GEMMs only)");
        row("config", "published (s)", "ours (s)", "ours / published", "speedup of W2A8: published", "ours");
        Workload w = ModelZoo.bundled().workload("llama-2-7b:decode:512");
        double[] ours = new double[3];
        String[] cfg = {"fp16", "w8a8", "w2a8"};
        OperandFormats[] formats = {OperandFormats.of(FP16, FP16), OperandFormats.of(INT8, INT8),
                OperandFormats.of(IntFormat.signed(2), INT8)};
        String[] kernels = {"dense-mma", "dense-mma", "abq-binary"};
        for (int i = 0; i < 3; i++) {
            Trace t = Trace.uniform(w, formats[i], Granularity.channel(0));
            ours[i] = 1024 * GpuTarget.of("a100-80gb", kernels[i]).run(t, GemmOperands.PER_CHANNEL).seconds();
        }
        for (int i = 0; i < 3; i++) {
            double published = figure("abq.e2e." + cfg[i]).value();
            double pubSpeedup = published / figure("abq.e2e.w2a8").value();
            row(cfg[i].toUpperCase(Locale.ROOT), num(published), num(ours[i]), ratio(ours[i], published), x(pubSpeedup),
                    x(ours[i] / ours[2]));
        }
    }

    // COMET: W4A4 on A100-80G against cuBLAS W16A16, TensorRT-LLM W4A16 and W8A8, LLaMA-2-7B linear layers.
    private void comet() {
        heading("COMET W4A4 (ours: Atom-style W4A4, groups of 128) on LLaMA-2-7B linear layers, a100-80gb; geometric mean over the batches");
        row("batches", "over", "published", "ours", "ours / published");
        String gpu = "a100-80gb";
        Workload w = ModelZoo.bundled().workload("llama-2-7b:decode");
        for (String size : List.of("small", "large")) {
            long[] batches = size.equals("small") ? new long[] {2, 4, 8} : new long[] {16, 64, 256};
            String[] bases = {"cublas-w16a16", "trt-w4a16", "trt-w8a8"};
            for (String base : bases) {
                double logSum = 0;
                for (long b : batches) {
                    double w4a4 = linearSeconds(gpu, "atom-w4a4", w, b, GemmOperands.of(INT4, INT4, G128));
                    double other = switch (base) {
                        case "cublas-w16a16" -> linearSeconds(gpu, "dense-mma", w, b, GemmOperands.of(FP16, FP16, 0));
                        case "trt-w4a16" -> linearSeconds(gpu, "weight-only", w, b, GemmOperands.of(INT4, FP16, G128));
                        default -> linearSeconds(gpu, "dense-mma", w, b, GemmOperands.of(INT8, INT8, 0));
                    };
                    logSum += Math.log(other / w4a4);
                }
                double ours = Math.exp(logSum / batches.length);
                ReferenceFigure f = figure("comet." + size + "." + base);
                row(size.equals("small") ? "2/4/8" : "16/64/256", base, x(f.value()), x(ours), ratio(ours, f.value()));
            }
        }
    }

    // QServe: serving throughput ratios, Llama-3-8B; ours: the linear layers' throughput at two batch sizes.
    private void qserve() {
        heading("QServe W4A8 (groups of 128) against TensorRT-LLM W8A8 and W4A16 (groups of 128), Llama-3-8B; ours: linear layers of one decode step");
        row("GPU", "over", "published throughput ratio", "ours, batch 64", "ours, batch 256", "ours(256) / published");
        Workload w = ModelZoo.bundled().workload("llama-3-8b:decode");
        for (String gpu : List.of("a100-80gb", "l40s")) {
            String key = gpu.startsWith("a100") ? "a100" : "l40s";
            double qs = figure("qserve." + key + ".qserve-w4a8kv4").value();
            for (String base : List.of("trt-w8a8", "trt-w4a16")) {
                double published = qs / figure("qserve." + key + "." + base).value();
                double[] ours = new double[2];
                long[] batches = {64, 256};
                for (int i = 0; i < 2; i++) {
                    double w4a8 = linearSeconds(gpu, "qserve-w4a8", w, batches[i], GemmOperands.of(IntFormat.unsigned(4), INT8, G128));
                    double other = base.equals("trt-w8a8")
                            ? linearSeconds(gpu, "dense-mma", w, batches[i], GemmOperands.of(INT8, INT8, 0))
                            : linearSeconds(gpu, "weight-only", w, batches[i], GemmOperands.of(IntFormat.unsigned(4), FP16, G128));
                    ours[i] = other / w4a8;
                }
                row(gpu, base, x(published), x(ours[0]), x(ours[1]), ratio(ours[1], published));
            }
        }
    }

    // LUT-GEMM: M = 1, N = 28,672, K = 7,168, groups of 128; the H20 measurement of issue #3; the paper's 2.1×.
    private void lutGemm() {
        heading("LUT-GEMM, M = 1, N = 28,672, K = 7,168, groups of 128 (OPTQ INT3 stands as our weight-only int3 kernel)");
        row("kernel", "h20 published (ms)", "h20 ours (ms)", "ours / published", "a100-80gb ours (ms)", "bound on h20");
        GemmShape s = new GemmShape(1, 28672, 7168);
        String[][] cases = {{"cublas-fp16", "dense-mma", "fp16"}, {"optq-int3", "weight-only", "3"}, {"q8", "lut-gemm", "8"},
                {"q4", "lut-gemm", "4"}, {"q3", "lut-gemm", "3"}};
        for (String[] c : cases) {
            GemmOperands ops = c[2].equals("fp16") ? GemmOperands.of(FP16, FP16, 0)
                    : GemmOperands.of(IntFormat.unsigned(Integer.parseInt(c[2])), FP16, G128);
            GemmResult h20 = GpuTarget.of("h20", c[1]).gemm(s, ops);
            GemmResult a100 = GpuTarget.of("a100-80gb", c[1]).gemm(s, ops);
            double published = figure("lutgemm.h20." + c[0]).value();
            row(c[0], num(published), num(h20.seconds() * 1e3), ratio(h20.seconds() * 1e3, published),
                    num(a100.seconds() * 1e3), h20.bound().id());
        }
        // The paper's 2.1×: OPT-175B at 3 bits, OPTQ's token latency over LUT-GEMM's. Ours: its decode linear layers
        // (hidden 12,288, FFN 49,152) at M = 1, weight-only int3 over LUT-GEMM q = 3.
        long h = 12288;
        long[][] layers = {{h, h}, {h, h}, {h, h}, {h, h}, {4 * h, h}, {h, 4 * h}};
        double optq = 0;
        double lut = 0;
        GemmOperands int3 = GemmOperands.of(IntFormat.unsigned(3), FP16, G128);
        for (long[] l : layers) {
            GemmShape shape = new GemmShape(1, l[0], l[1]);
            optq += GpuTarget.of("a100-80gb", "weight-only").gemm(shape, int3).seconds();
            lut += GpuTarget.of("a100-80gb", "lut-gemm").gemm(shape, int3).seconds();
        }
        ReferenceFigure f = figure("lutgemm.paper.vs-optq");
        out.append("\nOPT-175B 3-bit, OPTQ over LUT-GEMM: published ").append(x(f.value()))
                .append(" (end to end); ours, one block's linear layers at M = 1 on a100-80gb: ").append(x(optq / lut))
                .append("\n");
    }

    // FP6-LLM: FP6 linear layers against cuBLAS FP16, TensorRT-LLM INT8 and W4A16 weight-only; LLaMA-2-70B shapes.
    private void fp6() {
        heading("FP6-LLM (TC-FPx) on LLaMA-2-70B linear layers, a100-80gb");
        row("over", "batches", "published", "ours", "ours / published");
        Workload w = ModelZoo.bundled().workload("llama-2-70b:decode");
        GemmOperands fp6 = GemmOperands.of(Formats.parse("fp6-e3m2"), FP16, 0);
        String gpu = "a100-80gb";
        long[] batches = {1, 2, 4, 8, 16, 32};
        double logFp16 = 0;
        double logInt8 = 0;
        double maxFp16 = 0;
        for (long b : batches) {
            double t = linearSeconds(gpu, "tc-fpx", w, b, fp6);
            double vsFp16 = linearSeconds(gpu, "dense-mma", w, b, GemmOperands.of(FP16, FP16, 0)) / t;
            logFp16 += Math.log(vsFp16);
            maxFp16 = Math.max(maxFp16, vsFp16);
            logInt8 += Math.log(linearSeconds(gpu, "weight-only", w, b, GemmOperands.of(INT8, FP16, 0)) / t);
        }
        double avgFp16 = Math.exp(logFp16 / batches.length);
        double avgInt8 = Math.exp(logInt8 / batches.length);
        row("cuBLAS FP16, average", "1-32", x(figure("fp6.vs-cublas.avg").value()), x(avgFp16), ratio(avgFp16, figure("fp6.vs-cublas.avg").value()));
        row("cuBLAS FP16, largest", "1-32", x(figure("fp6.vs-cublas.max").value()), x(maxFp16), ratio(maxFp16, figure("fp6.vs-cublas.max").value()));
        row("TensorRT-LLM INT8 weight-only, average", "1-32", x(figure("fp6.vs-trt-int8.avg").value()), x(avgInt8),
                ratio(avgInt8, figure("fp6.vs-trt-int8.avg").value()));
        for (long b : new long[] {8, 16, 32}) {
            double ours = linearSeconds(gpu, "weight-only", w, b, GemmOperands.of(INT4, FP16, G128)) / linearSeconds(gpu, "tc-fpx", w, b, fp6);
            ReferenceFigure f = figure("fp6.vs-w4a16.b" + b);
            row("TensorRT-LLM fine-grained W4A16", String.valueOf(b), x(f.value()), x(ours), ratio(ours, f.value()));
        }
    }

    // LLM.int8(): bitsandbytes' own benchmark, Llama 3.1 8B decode latency, BF16 against INT8 with decomposition.
    private void llmInt8() {
        heading("LLM.int8() against BF16, Llama 3.1 8B decode step (context 256; ours: GEMMs only)");
        row("GPU", "batch", "BF16 published (ms)", "BF16 ours (ms)", "INT8+decomp published (ms)", "INT8+decomp ours (ms)",
                "speedup published", "speedup ours");
        for (String gpu : List.of("rtx-4090", "h100-sxm")) {
            for (long b : new long[] {1, 8, 32}) {
                Workload w = batched(ModelZoo.bundled().workload("llama-3-8b:decode:256"), b);
                double bf16 = GpuTarget.of(gpu, "dense-mma").run(Trace.uniform(w, OperandFormats.of(BF16, BF16),
                        Granularity.channel(0)), 0).seconds();
                double int8 = GpuTarget.of(gpu, "llm-int8").run(Trace.uniform(w, OperandFormats.of(INT8, FP16),
                        Granularity.channel(0)), 0).seconds();
                double pubBf16 = figure("llmint8." + gpu + ".b" + b + ".bf16").value();
                double pubInt8 = figure("llmint8." + gpu + ".b" + b + ".int8-decomp").value();
                row(gpu, String.valueOf(b), num(pubBf16 * 1e3), num(bf16 * 1e3), num(pubInt8 * 1e3), num(int8 * 1e3),
                        x(pubBf16 / pubInt8), x(bf16 / int8));
            }
        }
    }

    /** The seven linear layers of the model's first block, at {@code batch} tokens, summed (all blocks are alike). */
    private static double linearSeconds(String gpu, String kernel, Workload decode, long batch, GemmOperands ops) {
        GpuTarget t = GpuTarget.of(gpu, kernel);
        double s = 0;
        for (Layer l : decode.layers())
            if (l.kind() == LayerKind.WEIGHT && l.name().startsWith("blocks.0."))
                s += t.gemm(new GemmShape(batch, l.shape().n(), l.shape().k()), ops).seconds();
        return s;
    }

    /** A decode step of {@code batch} sequences: weight layers see batch rows, attention runs batch × heads GEMMs. */
    static Workload batched(Workload w, long batch) {
        List<Layer> layers = new ArrayList<>();
        for (Layer l : w.layers())
            layers.add(l.batched((int) batch));
        return new Workload(w.name() + ":batch" + batch, w.phase(), (int) batch, w.sequenceLength(), layers);
    }

    private ReferenceFigure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException(FIGURES + " has no figure " + id));
    }

    private void heading(String title) {
        out.append("\n#### ").append(title).append("\n\n");
    }

    private void row(String... cells) {
        boolean first = out.charAt(out.length() - 2) == '\n' && out.charAt(out.length() - 1) == '\n';
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        if (first)
            out.append("|").append("---|".repeat(cells.length)).append("\n");
    }

    private static String x(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 1 ? "%.2f" : "%.4f", v);
    }

    private static String ratio(double ours, double published) {
        return String.format(Locale.ROOT, "%.2f", ours / published);
    }

}
