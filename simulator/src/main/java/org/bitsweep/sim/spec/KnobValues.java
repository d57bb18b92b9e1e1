package org.bitsweep.sim.spec;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The values given for some knobs; a knob not given reads as its default. Lookups are typed by the knob, so a value
 * goes in and comes out as what its knob says it is.
 */
public final class KnobValues {
    private final Map<Knob<?>, Object> values = new IdentityHashMap<>();

    public <T> KnobValues put(Knob<T> knob, T value) {
        values.put(knob, knob.type().cast(value));
        return this;
    }

    /** For callers that hold a knob of unknown type parameter and a value that knob parsed. */
    public KnobValues putParsed(Knob<?> knob, Object value) {
        values.put(knob, knob.type().cast(value));
        return this;
    }

    public boolean has(Knob<?> knob) {
        return values.containsKey(knob);
    }

    /** The value given, else the knob's default (null for a required knob not given). */
    public <T> T get(Knob<T> knob) {
        Object v = values.get(knob);
        return v == null ? knob.defaultValue() : knob.type().cast(v);
    }

    public KnobValues copy() {
        KnobValues c = new KnobValues();
        c.values.putAll(values);
        return c;
    }
}
