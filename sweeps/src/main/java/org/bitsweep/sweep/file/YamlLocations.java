package org.bitsweep.sweep.file;

import org.bitsweep.sweep.model.SourceLocations;

/** Lines and field names of a {@link LocatedYaml}: {@code /target/array/1} is {@code target.array[1]}. */
record YamlLocations(LocatedYaml yaml) implements SourceLocations {
    @Override
    public String where(String pointer) {
        return "%s:%d: %s".formatted(yaml.file(), yaml.line(pointer), field(pointer));
    }

    @Override
    public int line(String pointer) {
        return yaml.line(pointer);
    }

    /** {@code /target/array/1} → {@code target.array[1]}. */
    static String field(String pointer) {
        if (pointer.isEmpty())
            return "top level";
        StringBuilder b = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && b.length() > 0)
                b.append('[').append(name).append(']');
            else
                b.append(b.length() > 0 ? "." : "").append(name);
        }
        return b.toString();
    }
}
