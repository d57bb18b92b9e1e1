package org.bitsweep.workloads.eval;

import java.util.List;
import java.util.Optional;

import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.trace.OutlierColumns;

/**
 * The error of one or more GEMM outputs {@code ŷ} against their references {@code y}, kept as sums so that layers
 * pool exactly (the pooled SQNR is total signal over total noise, not a mean of decibels).
 *
 * @param name                     the layer, or what was pooled
 * @param count                    outputs compared
 * @param signalEnergy             Σ y²
 * @param noiseEnergy              Σ (y − ŷ)²
 * @param crossEnergy              Σ y·ŷ
 * @param approximationEnergy      Σ ŷ²
 * @param weightBitsPerElement     storage per weight element, scales included (32 for unquantized FP32 weights)
 * @param activationBitsPerElement storage per activation element, scales included
 * @param outliers                 the outlier decomposition of a single layer, or null (none, or pooled)
 */
public record OutputError(String name, long count, double signalEnergy, double noiseEnergy, double crossEnergy,
                          double approximationEnergy, double weightBitsPerElement, double activationBitsPerElement,
                          OutlierColumns outliers) {
    public OutputError {
        if (count < 1)
            throw new IllegalArgumentException("no outputs compared");
    }

    public Optional<OutlierColumns> outlierColumns() {
        return Optional.ofNullable(outliers);
    }

    public double mse() {
        return noiseEnergy / count;
    }

    /** 10·log10(Σ y² / Σ (y − ŷ)²); +∞ for an exact product. */
    public double sqnrDb() {
        if (signalEnergy == 0)
            throw new UserInputException(name + ": the reference output is all zeros, so its SQNR is undefined");
        return 10 * Math.log10(signalEnergy / noiseEnergy);
    }

    public double cosine() {
        if (signalEnergy == 0 || approximationEnergy == 0)
            throw new UserInputException("%s: the %s output is all zeros, so its cosine similarity is undefined"
                    .formatted(name, signalEnergy == 0 ? "reference" : "quantized"));
        return crossEnergy / Math.sqrt(signalEnergy * approximationEnergy);
    }

    /** Several layers as one: sums add; storage is weighted by each layer's outputs (a summary, not a total). */
    public static OutputError pooled(String name, List<OutputError> layers) {
        if (layers.isEmpty())
            throw new IllegalArgumentException("nothing to pool");
        if (layers.size() == 1)
            return layers.get(0);
        long count = 0;
        double signal = 0;
        double noise = 0;
        double cross = 0;
        double approximation = 0;
        double weightBits = 0;
        double activationBits = 0;
        for (OutputError e : layers) {
            count += e.count;
            signal += e.signalEnergy;
            noise += e.noiseEnergy;
            cross += e.crossEnergy;
            approximation += e.approximationEnergy;
            weightBits += e.weightBitsPerElement * e.count;
            activationBits += e.activationBitsPerElement * e.count;
        }
        return new OutputError(name, count, signal, noise, cross, approximation, weightBits / count,
                activationBits / count, null);
    }
}
