package org.bitsweep.sweep.space;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

import org.bitsweep.sweep.file.SweepFileReader;
import org.bitsweep.sweep.model.SweepFile;
import org.bitsweep.workloads.UserInputException;

/**
 * A sweep file read and checked whole: its keys and values ({@link SweepFileReader}), then the combinations of
 * settings its points hold ({@link SpaceChecks}). What {@code bitsweep run} and {@code report} load.
 */
public final class SweepLoader {
    private SweepLoader() {
    }

    /** @throws UserInputException listing every problem, one per line, each naming file, line and field */
    public static SweepFile load(Path file) {
        return checked(SweepFileReader.read(file));
    }

    public static SweepFile load(String file, Reader in) throws IOException {
        return checked(SweepFileReader.read(file, in));
    }

    private static SweepFile checked(SweepFile sweep) {
        SpaceChecks.check(new DesignSpace(sweep));
        return sweep;
    }
}
