package org.bitsweep.sweep.model;

import java.util.Objects;

/**
 * Why a point could not run: its row is still written, with {@code feasible = false} and this in its {@code reason}
 * column, and a sweep's summary counts its points by {@code category}.
 *
 * @param category a few words that group refusals, e.g. {@code no tile fits}, {@code format refused}
 * @param message  the whole explanation, naming the layer or knob
 */
public record Refusal(String category, String message) {
    public Refusal {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
    }

    /** The reason column's text: {@code category: message}. */
    public String text() {
        return message.startsWith(category) ? message : category + ": " + message;
    }
}
