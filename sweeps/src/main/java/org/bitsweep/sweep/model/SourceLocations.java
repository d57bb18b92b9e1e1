package org.bitsweep.sweep.model;

/**
 * Where a part of a sweep file was written, so that a check made after reading (on the design space's points) can
 * still name the file, the line and the field: {@code sweep.yaml:7: target.pe}.
 */
public interface SourceLocations {
    /** {@code file:line: field} for a JSON pointer into the file ({@code /cases/1/target/pe}). */
    String where(String pointer);

    /** The line of a pointer, or of its nearest ancestor. */
    int line(String pointer);

    /** For sweeps built in code: every pointer is line 1 of a file with no name. */
    SourceLocations NONE = new SourceLocations() {
        @Override
        public String where(String pointer) {
            return "(built in code):1: " + pointer;
        }

        @Override
        public int line(String pointer) {
            return 1;
        }
    };
}
