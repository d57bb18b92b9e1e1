package org.bitsweep.workloads.precision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bitsweep.workloads.data.LabelledImages;
import org.bitsweep.workloads.nn.InferenceConfig;
import org.bitsweep.workloads.nn.Network;
import org.bitsweep.workloads.nn.ReferenceInference;
import org.bitsweep.workloads.quant.QuantConfig;

/**
 * Measures a {@link SensitivityTable}: the network at the reference configuration, then, for each weighted layer and
 * each candidate weight quantization, the same network with only that layer changed (a per-layer override by its
 * exact name), top-1 on the given images. Images are classified through whatever the configuration says (integer
 * sums, a PE's arithmetic), so a sensitivity can be taken through a PE too.
 */
public final class LayerSensitivity {
    private LayerSensitivity() {
    }

    /**
     * @param reference  every layer's quantization when it is not the one being measured (its own per-layer patterns
     *                   are kept)
     * @param candidates format name → weight quantization, in the order the table lists them
     */
    public static SensitivityTable measure(Network net, String referenceName, InferenceConfig reference,
                                           Map<String, QuantConfig> candidates, LabelledImages images,
                                           LabelledImages calibration) {
        double referenceTop1 = ReferenceInference.prepare(net, reference, calibration).evaluate(images).top1();
        List<SensitivityTable.Layer> rows = new ArrayList<>();
        for (int i : net.weightedLayers()) {
            String layer = net.weighted(i).name();
            List<SensitivityTable.Cell> cells = new ArrayList<>();
            for (Map.Entry<String, QuantConfig> candidate : candidates.entrySet()) {
                Map<String, Optional<QuantConfig>> layers = new LinkedHashMap<>(reference.layerWeights());
                layers.put(layer, Optional.of(candidate.getValue()));
                ReferenceInference r = ReferenceInference.prepare(net, reference.withLayerWeights(layers), calibration);
                double top1 = r.evaluate(images).top1();
                double bits = r.layers().stream().filter(q -> q.name().equals(layer)).findFirst().orElseThrow()
                        .weightBitsPerElement();
                cells.add(new SensitivityTable.Cell(candidate.getKey(), top1, referenceTop1 - top1, bits));
            }
            rows.add(new SensitivityTable.Layer(layer, (long) net.weighted(i).outputs() * net.weighted(i).reduction(),
                    cells));
        }
        String activations = reference.activations().map(a -> a.format().name() + " " + a.granularity())
                .orElse("fp32");
        return new SensitivityTable(net.name(), referenceName, activations, images.count(), referenceTop1,
                List.copyOf(candidates.keySet()), rows);
    }
}
