package org.bitsweep.sweep.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.bitsweep.workloads.model.LayerClass;

/**
 * Which of a workload's layers run: all of them, or only those with weights ({@code linear}: projections, the LM head
 * and convolutions, without attention), as papers that count linear layers only report.
 */
public enum LayerSelection {
    ALL(EnumSet.allOf(LayerClass.class)),
    LINEAR(EnumSet.of(LayerClass.LINEAR, LayerClass.LM_HEAD, LayerClass.CONVOLUTION));

    private final Set<LayerClass> classes;

    LayerSelection(Set<LayerClass> classes) {
        this.classes = classes;
    }

    public Set<LayerClass> classes() {
        return classes;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
