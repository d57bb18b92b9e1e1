package org.bitsweep.pe;

import java.util.List;
import java.util.function.Function;

import org.bitsweep.pe.intmac.IntMacPe;
import org.bitsweep.workloads.UserInputException;

/** The PEs a sweep file may name. */
public final class PeCatalog {
    /** One PE family: its id, a line for {@code bitsweep pes}, and how to build it from a sweep's knobs. */
    public record Entry(String id, String description, Function<PeParams, PeModel> factory) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(IntMacPe.ID, "bit-parallel integer MAC, any weight × activation width up to 16 bits, "
                    + "one MAC per cycle", IntMacPe::new));

    private PeCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    public static PeModel create(String id, PeParams params) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown PE \"%s\"; valid: %s"
                        .formatted(id, String.join(", ", ids()))))
                .factory().apply(params);
    }
}
