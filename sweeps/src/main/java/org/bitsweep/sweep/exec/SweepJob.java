package org.bitsweep.sweep.exec;

import java.util.Objects;

import org.bitsweep.sweep.eval.Evaluator;
import org.bitsweep.sweep.space.DesignSpace;

/**
 * What an executor runs: the design space and its evaluator, built here, and the sweep as text
 * (sweep.resolved.yaml's) with the path it was read from, from which a remote worker rebuilds both: Java objects do
 * not travel, the file does.
 *
 * @param sweepFile    the sweep file's path as given; relative files it names (topologies, SCALE-Sim configurations)
 *                     resolve against its folder
 * @param resolvedText the sweep as understood ({@code ResolvedSweepWriter.text})
 */
public record SweepJob(DesignSpace space, Evaluator evaluator, String sweepFile, String resolvedText) {
    public SweepJob {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(sweepFile, "sweepFile");
        Objects.requireNonNull(resolvedText, "resolvedText");
    }
}
