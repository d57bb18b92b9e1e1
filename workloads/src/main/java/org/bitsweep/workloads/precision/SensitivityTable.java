package org.bitsweep.workloads.precision;

import java.util.List;
import java.util.Objects;

/**
 * Each layer's accuracy effect alone: with every other layer at the reference quantization, the layer's weights at
 * each candidate format, and the top-1 accuracy that gives. HAWQ-V3 (Yao et al., ICML 2021) ranks layers by a
 * Hessian-based estimate of the loss perturbation; here the effect is measured directly, as the drop in top-1
 * accuracy on the images used.
 *
 * @param referenceTop1 top-1 with every layer at the reference
 * @param formats       the candidate formats, in the order of each row's cells
 */
public record SensitivityTable(String model, String reference, String activations, int images, double referenceTop1,
                               List<String> formats, List<Layer> layers) {
    public SensitivityTable {
        Objects.requireNonNull(model, "model");
        formats = List.copyOf(formats);
        layers = List.copyOf(layers);
        if (formats.isEmpty() || layers.isEmpty())
            throw new IllegalArgumentException("a sensitivity table needs at least one layer and one format");
        for (Layer l : layers)
            if (l.cells().size() != formats.size())
                throw new IllegalArgumentException("layer %s has %d cells for %d formats"
                        .formatted(l.name(), l.cells().size(), formats.size()));
    }

    /** One layer's row: its weight count and one cell per candidate format. */
    public record Layer(String name, long parameters, List<Cell> cells) {
        public Layer {
            if (parameters < 1)
                throw new IllegalArgumentException("layer " + name + " has no weights");
            cells = List.copyOf(cells);
        }
    }

    /**
     * The layer alone at one format.
     *
     * @param top1                 top-1 accuracy with this layer at the format and the rest at the reference
     * @param drop                 reference top-1 minus {@code top1} (negative where accuracy rose)
     * @param weightBitsPerElement the layer's weight storage per weight at the format, scales included
     */
    public record Cell(String format, double top1, double drop, double weightBitsPerElement) {
    }

    public long parameters() {
        return layers.stream().mapToLong(Layer::parameters).sum();
    }
}
