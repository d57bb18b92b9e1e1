package org.bitsweep.sweep.expr;

/** A malformed expression; {@link #column()} is 1-based within the expression's text. */
public final class ExpressionException extends RuntimeException {
    private final int column;

    public ExpressionException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
