package org.bitsweep.workloads.precision;

import java.util.Map;

import org.bitsweep.workloads.UserInputException;

/** What an allocation may spend: weight storage, or energy given per layer and format. */
public sealed interface Budget {
    /** Σ_l parameters_l · bits_l(format) <= bitsPerWeight · Σ_l parameters_l; bits include each format's scales. */
    record BitsPerWeight(double bitsPerWeight) implements Budget {
        public BitsPerWeight {
            if (!(bitsPerWeight > 0) || Double.isInfinite(bitsPerWeight))
                throw new UserInputException("bits-per-weight budget must be a positive number, got " + bitsPerWeight);
        }
    }

    /**
     * Σ_l energyPj[l][format] <= maxEnergyPj, with the energy of running each layer at each candidate format given
     * by the caller (for example a PE model priced by cost-models).
     */
    record EnergyPj(Map<String, Map<String, Double>> energyPj, double maxEnergyPj) implements Budget {
        public EnergyPj {
            energyPj = Map.copyOf(energyPj);
            if (!(maxEnergyPj > 0) || Double.isInfinite(maxEnergyPj))
                throw new UserInputException("energy budget must be a positive number of pJ, got " + maxEnergyPj);
        }
    }
}
