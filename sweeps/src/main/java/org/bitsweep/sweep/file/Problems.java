package org.bitsweep.sweep.file;

import java.util.HashSet;
import java.util.LinkedHashSet;
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
    /** Past this many, problems are counted, not listed: an axis of a million bad values is one mistake. */
    static final int MAX_LISTED = 50;
    private final Set<String> lines = new LinkedHashSet<>();
    private final Set<String> missingSections = new HashSet<>();
    private long unlisted;

    public Problems(SourceLocations locations) {
        this.locations = locations;
    }

    public void add(String pointer, String message) {
        if (missingSections.stream().anyMatch(section -> pointer.startsWith(section + "/")))
            return;
        String line = locations.where(pointer) + ": " + message;
        if (lines.size() < MAX_LISTED)
            lines.add(line);
        else if (!lines.contains(line))
            unlisted++;
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
            throw new UserInputException(String.join("\n", lines) + (unlisted == 0 ? ""
                    : "\n... and %,d more problems like these".formatted(unlisted)));
    }
}
