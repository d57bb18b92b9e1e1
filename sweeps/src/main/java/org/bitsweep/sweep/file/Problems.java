package org.bitsweep.sweep.file;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bitsweep.sweep.model.SourceLocations;
import org.bitsweep.workloads.UserInputException;

/**
 * Every problem found in a sweep file, each one line {@code file:line: field: what is wrong; what is valid}, in the
 * order found and each once; as ZigZag's validator does, a file is checked whole before any work starts and all its
 * problems are reported together.
 */
public final class Problems {
    private final SourceLocations locations;
    private final List<String> lines = new ArrayList<>();
    private final Set<String> missingSections = new HashSet<>();

    public Problems(SourceLocations locations) {
        this.locations = locations;
    }

    public void add(String pointer, String message) {
        if (missingSections.stream().anyMatch(section -> pointer.startsWith(section + "/")))
            return;
        String line = locations.where(pointer) + ": " + message;
        if (!lines.contains(line))
            lines.add(line);
    }

    /** A section that is missing or not a mapping: problems inside it would only repeat that. */
    public void sectionMissing(String pointer) {
        missingSections.add(pointer);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public void throwIfAny() {
        if (!lines.isEmpty())
            throw new UserInputException(String.join("\n", lines));
    }
}
