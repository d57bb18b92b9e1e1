package org.bitsweep.workloads;

/**
 * A user's mistake: a bad sweep file, an unknown format name, an impossible shape. The command line turns it into
 * one line on stderr and exit code 2, without a stack trace. It lives in the lowest module so that every module
 * can raise it; a broken invariant of our own is an {@link IllegalStateException} instead.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
