package org.bitsweep.sweep.model;

import java.util.Optional;

/**
 * One chart a sweep draws: {@code y} against {@code x} for every point, coloured by {@code colorBy}, with the
 * two-objective front of (x, y) drawn over them. Log axes when asked, else when a range spans two decades.
 *
 * @param name file name without extension ({@code pareto-energy} writes pareto-energy.png and .svg)
 */
public record ChartSpec(String name, String x, String y, Optional<String> colorBy, Optional<Boolean> logX,
                        Optional<Boolean> logY) {
}
