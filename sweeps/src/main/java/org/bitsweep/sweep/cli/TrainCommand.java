package org.bitsweep.sweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.data.FashionMnist;
import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.nn.FashionModels;
import org.bitsweep.workloads.nn.ModelFile;
import org.bitsweep.workloads.nn.TrainedModel;
import org.bitsweep.workloads.nn.Trainer;
import org.bitsweep.workloads.nn.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a Fashion-MNIST model from a seed on the 60,000 training images, measure its FP32 "
                + "accuracy on the 10,000 test images, and write it as a model file for bitsweep accuracy "
                + "--model-file.",
                "Deterministic: the same seed and settings give the same weights, bit for bit, on any machine and "
                        + "with any --threads. The defaults are the settings of the shipped models.",
                "Example: bitsweep train --model fmnist-cnn --seed 1 --out cnn.safetensors"})
final class TrainCommand implements Callable<Integer> {
    // Characters of the progress line (bar, counts, times and the epoch's loss); picocli's writer is no terminal.
    private static final int RENDERED_WIDTH = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "fmnist-mlp or fmnist-cnn")
    String model;

    @Option(names = "--seed", defaultValue = "1", description = "seeds the initial weights and the shuffles (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the model file to write (safetensors)")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set (default: 20 for fmnist-mlp, 15 for fmnist-cnn)")
    Integer epochs;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "images per SGD step (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.05", paramLabel = "X",
            description = "initial learning rate, falling linearly to 0 (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "X", description = "SGD momentum (default: ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "5e-4", paramLabel = "X", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--data", defaultValue = FashionMnist.DEBIAN_DIR, paramLabel = "DIR",
            description = "folder of train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz (default: ${DEFAULT-VALUE}, "
                    + "from apt-get install dataset-fashion-mnist)")
    Path data;

    @Option(names = "--images", paramLabel = "N", description = "train on the first N training images only (default: all 60,000)")
    Integer imageLimit;

    @Option(names = "--threads", paramLabel = "N", description = "threads (default: the number of cores); the weights do not depend on it")
    Integer threads;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    @Override
    public Integer call() {
        FashionModels.architecture(model);
        TrainingConfig config = trainingConfig();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1)
            throw new UserInputException("--threads: %d; valid: 1 or more".formatted(threadCount));
        LabelledImages images = FashionMnist.train(data);
        if (imageLimit != null) {
            if (imageLimit < 1 || imageLimit > images.count())
                throw new UserInputException("--images: %d; valid: 1 .. %d".formatted(imageLimit, images.count()));
            images = images.first(imageLimit);
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainedModel trained;
        long steps = (long) (images.count() + config.batchSize() - 1) / config.batchSize() * config.epochs();
        try (ProgressBar bar = quiet ? null : bar(err, steps)) {
            trained = FashionModels.train(model, images, config, threadCount, new Trainer.Listener() {
                @Override
                public void step(int step, int steps, int epoch) {
                    if (bar != null)
                        bar.stepTo(step);
                }

                @Override
                public void epoch(int epoch, double meanLoss, double trainAccuracy) {
                    if (bar != null)
                        bar.setExtraMessage(String.format(Locale.ROOT, " epoch %d/%d: loss %.4f, train top-1 %.2f %%",
                                epoch, config.epochs(), meanLoss, 100 * trainAccuracy));
                }
            });
        }
        if (!quiet)
            err.println();
        ModelFile.write(out, trained);
        print(trained);
        return 0;
    }

    private TrainingConfig trainingConfig() {
        int e = epochs == null ? FashionModels.defaultEpochs(model) : epochs;
        try {
            return new TrainingConfig(seed, e, batchSize, learningRate, momentum, weightDecay,
                    Math.min(TrainingConfig.DEFAULT_SHARDS, Math.max(1, batchSize)));
        } catch (IllegalArgumentException ex) {
            throw new UserInputException(ex.getMessage(), ex);
        }
    }

    private static ProgressBar bar(PrintWriter err, long steps) {
        return new ProgressBarBuilder().setTaskName("train").setInitialMax(steps).setUnit(" steps", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, RENDERED_WIDTH)).build();
    }

    private void print(TrainedModel trained) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("out", out.toString());
        r.putAll(trained.metadata());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(r));
            return;
        }
        o.printf(Locale.ROOT, "%s, seed %d, %s epochs: FP32 test top-1 %.2f %% (%d / %d); written to %s%n", model, seed,
                trained.metadata().get("epochs"), 100.0 * trained.recordedCorrectFp32() / trained.recordedTestImages(),
                trained.recordedCorrectFp32(), trained.recordedTestImages(), out);
    }
}
