package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bitsweep.pe.catalog.PeCatalog;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.format.MxFormat;
import org.bitsweep.workloads.format.NumberFormat;
import org.bitsweep.workloads.nn.Accuracy;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.MacSupplier;
import org.bitsweep.workloads.nn.ModelFile;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.nn.TrainedModel;
import org.bitsweep.workloads.quant.Calibration;
import org.bitsweep.workloads.quant.Granularity;
import org.bitsweep.workloads.quant.QuantConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "accuracy", modelTransformer = PeKnobs.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Top-1 accuracy of a trained Fashion-MNIST model on the 10,000 test images with quantized "
                + "weights and activations, beside its FP32 accuracy.",
                "Activations get one static scale per tensor, calibrated on the FP32 activations of the first "
                        + FashionMnist.CALIBRATION_IMAGES + " training images (shipped with BitSweep). With integer "
                        + "weights and activations, dot products run over the integer codes and the scales are "
                        + "applied after the accumulation.",
                "With --pe, every dot product runs MAC by MAC through that PE's own bit-exact arithmetic (its "
                        + "operands, accumulator width, rounding or approximation), as listed by: bitsweep pes",
                "Examples: bitsweep accuracy --model fmnist-cnn --weights int4:channel:0 --activations uint8 --json",
                "          bitsweep accuracy --model fmnist-cnn --pe lmul --weights fp8-e4m3 --activations fp8-e4m3",
                "          bitsweep accuracy --model fmnist-cnn --pe bitmod --accumulator-bits 48 "
                        + "--weights bitmod4:group:128 --activations fp16:none"})
final class AccuracyCommand implements Callable<Integer> {
    private static final String FP32 = "fp32";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "fmnist-mlp or fmnist-cnn")
    String model;

    @Option(names = "--weights", required = true, paramLabel = "FORMAT[:GRANULARITY]",
            description = "weight format, e.g. int8, int4:group:32, fp8-e4m3, nf4:group:64, or fp32 (not quantized); "
                    + "granularity tensor, channel:0 (one scale per output channel, the default), channel:1 or "
                    + "group:G (default group:32 for MX formats); list formats with: bitsweep formats")
    String weights;

    @Option(names = "--activations", required = true, paramLabel = "FORMAT[:GRANULARITY]",
            description = "activation format, e.g. int8, uint8, fp8-e4m3, or fp32; granularity tensor (one static "
                    + "scale, the default) or none (a plain cast)")
    String activations;

    @Option(names = "--weight-clip", defaultValue = "minmax", paramLabel = "C",
            description = "weight calibration: minmax, percentile:P or mse (default: ${DEFAULT-VALUE})")
    String weightClip;

    @Option(names = "--activation-clip", defaultValue = "minmax", paramLabel = "C",
            description = "activation calibration: minmax, percentile:P or mse (default: ${DEFAULT-VALUE})")
    String activationClip;

    @Option(names = "--accumulator", defaultValue = "exact", paramLabel = "A",
            description = "integer accumulation: exact, wrap:BITS (two's complement wrap-around) or saturate:BITS "
                    + "(clamped after every MAC) (default: ${DEFAULT-VALUE})")
    String accumulator;

    @Option(names = "--pe", paramLabel = "PE",
            description = "run every dot product through this PE's arithmetic, e.g. lmul, bitmod, fp-mac, int-mac "
                    + "(list: bitsweep pes); its knobs are --accumulator-bits and --overflow")
    String pe;


    @Option(names = "--images", paramLabel = "N",
            description = "evaluate the first N test images only (default: all 10,000)")
    Integer images;

    @Option(names = "--model-file", paramLabel = "FILE",
            description = "weights from FILE (written by bitsweep train) instead of the shipped ones")
    Path modelFile;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        FashionModels.architecture(model);
        TrainedModel trained = modelFile == null ? FashionModels.shipped(model) : ModelFile.read(modelFile);
        if (!trained.network().name().equals(model))
            throw new UserInputException("--model-file %s holds %s, not %s; pass --model %s"
                    .formatted(modelFile, trained.network().name(), model, trained.network().name()));
        QuantConfig w = config("--weights", weights, weightClip, "--weight-clip", true);
        QuantConfig a = config("--activations", activations, activationClip, "--activation-clip", false);
        InferenceConfig inference;
        try {
            inference = InferenceConfig.of(w, a).withArithmetic(arithmetic(w, a));
        } catch (UserInputException e) {
            throw PeKnobs.inCommandLineTerms(e);
        }
        LabelledImages test = testImages();
        ReferenceInference quantized = ReferenceInference.prepare(trained.network(), inference,
                FashionMnist.calibration());
        Accuracy top1 = quantized.evaluate(test);
        Accuracy fp32 = ReferenceInference.fp32(trained.network()).evaluate(test);
        print(result(trained, w, a, inference, quantized, top1, fp32));
        return 0;
    }

    /** @return null for fp32 */
    static QuantConfig config(String option, String spec, String clip, String clipOption, boolean weight) {
        String text = spec.trim();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        if (name.equalsIgnoreCase(FP32)) {
            if (colon >= 0)
                throw new UserInputException("%s %s: fp32 is not quantized and takes no granularity".formatted(option, spec));
            return null;
        }
        Calibration calibration;
        try {
            calibration = Calibration.parse(clip);
        } catch (UserInputException e) {
            throw new UserInputException(clipOption + ": " + e.getMessage(), e);
        }
        try {
            NumberFormat format = Formats.parse(name);
            String g = colon >= 0 ? text.substring(colon + 1)
                    : format instanceof MxFormat mx ? "group:" + mx.blockSize() : weight ? "channel:0" : "tensor";
            return QuantConfig.of(format, Granularity.parse(g)).withCalibration(calibration);
        } catch (UserInputException e) {
            throw new UserInputException(option + ": " + e.getMessage(), e);
        }
    }

    private LabelledImages testImages() {
        LabelledImages all = FashionMnist.test();
        if (images == null)
            return all;
        if (images < 1 || images > all.count())
            throw new UserInputException("--images: %d; valid: 1 to %,d".formatted(images, all.count()));
        return all.first(images);
    }

    /** The formats a PE's accumulator is sized for: the weights' and activations', when both are quantized. */
    private static org.bitsweep.workloads.trace.OperandFormats[] formats(QuantConfig w, QuantConfig a) {
        return w == null || a == null ? new org.bitsweep.workloads.trace.OperandFormats[0]
                : new org.bitsweep.workloads.trace.OperandFormats[] {
                        org.bitsweep.workloads.trace.OperandFormats.of(w.format(), a.format())};
    }

    private MacSupplier arithmetic(QuantConfig wq, QuantConfig aq) {
        String a = accumulator.trim().toLowerCase(Locale.ROOT);
        if (pe != null) {
            if (!a.equals("exact"))
                throw new UserInputException("--accumulator %s and --pe %s both say how to accumulate; the PE's "
                        .formatted(accumulator, pe) + "accumulator is set with --accumulator-bits and --overflow");
            return PeCatalog.create(pe.trim(), PeKnobs.params(spec, pe.trim(), formats(wq, aq))).macSupplier();
        }
        for (String knob : new String[] {"--accumulator-bits", "--overflow"})
            if (spec.findOption(knob).getValue() != null)
                throw new UserInputException(knob + " sets a PE's accumulator and needs --pe; without a PE, "
                        + "--accumulator exact|wrap:BITS|saturate:BITS says how integer codes accumulate");
        if (a.equals("exact"))
            return MacSupplier.EXACT;
        int colon = a.indexOf(':');
        if (colon > 0) {
            try {
                int bits = Integer.parseInt(a.substring(colon + 1));
                if (bits >= 2 && bits <= 64) {
                    if (a.startsWith("wrap:"))
                        return MacSupplier.wrapping(bits);
                    if (a.startsWith("saturate:"))
                        return MacSupplier.saturating(bits);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new UserInputException("--accumulator: \"%s\"; valid: exact, wrap:BITS, saturate:BITS (2 <= BITS <= 64)"
                .formatted(accumulator));
    }

    private Map<String, Object> result(TrainedModel trained, QuantConfig w, QuantConfig a, InferenceConfig inference,
                                       ReferenceInference quantized, Accuracy top1, Accuracy fp32) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("weights", w == null ? FP32 : w.format().name());
        r.put("weight_granularity", w == null ? null : w.granularity().toString());
        r.put("weight_clip", w == null ? null : w.calibration().toString());
        r.put("weight_bits_per_element", quantized.weightBitsPerElement());
        r.put("activations", a == null ? FP32 : a.format().name());
        r.put("activation_granularity", a == null ? null : a.granularity().toString());
        r.put("activation_clip", a == null ? null : a.calibration().toString());
        r.put("calibration", a == null ? null : FashionMnist.calibration().name());
        r.put("dot_products", dotProducts(inference));
        r.put("dot_product_paths", quantized.dotProductPaths());
        r.put("pe", pe == null ? null : inference.arithmetic().id());
        r.put("accumulator_bits", pe == null ? null : PeKnobs.accumulatorBits(spec, pe.trim(), formats(w, a)));
        r.put("top1", top1.top1());
        r.put("top1_fp32", fp32.top1());
        r.put("correct", top1.correct());
        r.put("correct_fp32", fp32.correct());
        r.put("images", top1.images());
        r.put("model_source", trained.source());
        return r;
    }

    private String dotProducts(InferenceConfig inference) {
        if (pe != null)
            return "MAC by MAC through PE %s: %s".formatted(inference.arithmetic().id(),
                    inference.arithmetic().operands(inference.operandFormats().orElseThrow()).description());
        return inference.integerDotProducts() ? "integer codes, " + inference.arithmetic().id()
                : "fp32 over dequantized values";
    }

    private void print(Map<String, Object> r) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(r));
            return;
        }
        out.printf(Locale.ROOT, "%s on %,d Fashion-MNIST test images (%s)%n", r.get("model"), r.get("images"),
                r.get("model_source"));
        out.printf(Locale.ROOT, "  weights       %s%n", r.get("weight_granularity") == null ? FP32
                : "%s %s, %s clipping, %.3f bits per weight with scales".formatted(r.get("weights"),
                r.get("weight_granularity"), r.get("weight_clip"), r.get("weight_bits_per_element")));
        out.printf(Locale.ROOT, "  activations   %s%n", r.get("activation_granularity") == null ? FP32
                : r.get("activation_granularity").equals(Granularity.NONE.toString())
                ? "%s, a plain cast (no scale)".formatted(r.get("activations"))
                : "%s %s, %s clipping, scales from %s".formatted(r.get("activations"), r.get("activation_granularity"),
                r.get("activation_clip"), r.get("calibration")));
        out.printf(Locale.ROOT, "  dot products  %s%n", r.get("dot_products"));
        out.printf(Locale.ROOT, "  top-1         %6.2f %%  (%d / %d)%n", 100 * (double) r.get("top1"), r.get("correct"),
                r.get("images"));
        out.printf(Locale.ROOT, "  top-1 FP32    %6.2f %%  (%d / %d)%n", 100 * (double) r.get("top1_fp32"),
                r.get("correct_fp32"), r.get("images"));
    }
}
