package org.bitsweep.sim.array;

import java.util.Arrays;
import java.util.Locale;

import org.bitsweep.workloads.UserInputException;

/**
 * Which count of compute cycles a dataflow reports; docs/simulator.md derives both.
 *
 * <p>{@link #BITSWEEP} is Samajdar et al.'s analytical model (ISPASS 2020, eq. 4) for every dataflow:
 * {@code 2R + C + T·c − 2} cycles per fold, which counts the fill, the stream and the drain of each fold.
 *
 * <p>{@link #SCALESIM} reproduces SCALE-Sim v2.0.2's stall-free "Total Cycles" exactly: its weight- and
 * input-stationary folds are the same as ours, its output-stationary fold is {@code R + C + T − 2} (it writes the
 * outputs of the lower rows before the last MAC that produces them, so the R-cycle drain is never counted), and its
 * total is the 0-based index of the last cycle, one less than the number of cycles.
 */
public enum Timing {
    BITSWEEP("bitsweep"),
    SCALESIM("scalesim");

    private final String id;

    Timing(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Timing parse(String option, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(t)).findFirst()
                .orElseThrow(() -> new UserInputException("%s: \"%s\"; valid: bitsweep, scalesim".formatted(option, text)));
    }
}
