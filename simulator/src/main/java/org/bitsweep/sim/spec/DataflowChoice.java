package org.bitsweep.sim.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bitsweep.sim.array.Dataflow;
import org.bitsweep.workloads.UserInputException;

/**
 * The dataflows a PE array may run: one ({@code os}), several joined by {@code +} ({@code os+dp}), or {@code auto}
 * (all of them). With more than one, the mapper picks for each layer whichever its objective prefers.
 */
public record DataflowChoice(List<Dataflow> allowed) {
    public static final DataflowChoice AUTO = new DataflowChoice(Dataflow.all());

    public DataflowChoice {
        allowed = List.copyOf(allowed);
        if (allowed.isEmpty())
            throw new IllegalArgumentException("no dataflow");
    }

    public static DataflowChoice of(Dataflow d) {
        return new DataflowChoice(List.of(d));
    }

    /** {@code os}, {@code auto}, or {@code os+dp}: as sweep files write it. */
    public String id() {
        if (allowed.size() == 1)
            return allowed.get(0).id();
        if (allowed.equals(Dataflow.all()))
            return "auto";
        return String.join("+", allowed.stream().map(Dataflow::id).toList());
    }

    /** The one dataflow of a single choice. */
    public Dataflow only() {
        if (allowed.size() != 1)
            throw new IllegalStateException("dataflow " + id() + " is a choice of several");
        return allowed.get(0);
    }

    static DataflowChoice parse(Object raw) {
        String text = Raw.text(raw).trim().toLowerCase(Locale.ROOT);
        if (text.equals("auto"))
            return AUTO;
        List<Dataflow> chosen = new ArrayList<>();
        for (String part : text.split("\\+")) {
            Dataflow d = Dataflow.all().stream().filter(df -> df.id().equals(part.trim())).findFirst()
                    .orElseThrow(() -> new UserInputException(("unknown dataflow \"%s\"; valid: os, ws, is, dp, auto "
                            + "(the mapper picks per layer), or several joined by +, e.g. os+dp")
                            .formatted(raw)));
            if (chosen.contains(d))
                throw new UserInputException("dataflow \"%s\" names %s twice".formatted(raw, d.id()));
            chosen.add(d);
        }
        return new DataflowChoice(chosen);
    }

    @Override
    public String toString() {
        return id();
    }
}
