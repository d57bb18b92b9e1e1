package org.bitsweep.cost.fpga;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.bitsweep.cost.ReferenceFigure;
import org.bitsweep.cost.ReferenceFigures;

/**
 * What papers report for FPGA MAC units ({@code fpga/reference-figures.yaml}), in the form of the ASIC figures
 * ({@link ReferenceFigure}), so that docs and tests set our model beside them without copying them into it.
 */
public final class FpgaReferenceFigures {
    static final String FILE = "fpga/reference-figures.yaml";
    private static final List<ReferenceFigure> ALL = load();

    private FpgaReferenceFigures() {
    }

    public static List<ReferenceFigure> all() {
        return ALL;
    }

    public static ReferenceFigure byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no FPGA reference figure " + id + "; ids: " + ALL.stream().map(ReferenceFigure::id).toList()));
    }

    private static List<ReferenceFigure> load() {
        try (InputStream in = FpgaReferenceFigures.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null)
                throw new IllegalStateException("missing bundled data file " + FILE);
            return ReferenceFigures.parse(FILE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE, e);
        }
    }
}
