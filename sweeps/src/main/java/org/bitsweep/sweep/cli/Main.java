package org.bitsweep.sweep.cli;

import java.io.PrintWriter;

import org.bitsweep.workloads.UserInputException;
import picocli.CommandLine;

/** Entry point of {@code bitsweep}. A user's mistake is one line and exit 2; anything else is a bug: exit 1. */
public final class Main {
    public static final int USER_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BitSweepCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            UserInputException user = userCause(e);
            if (user == null)
                throw e;
            cmd.getErr().println("bitsweep: " + user.getMessage());
            return USER_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Not a bug to trace and not the input's fault alone: say how much memory there was and how to give more.
            err.println(("bitsweep: out of memory (the Java heap is at most %,d MiB); give it more with "
                    + "BITSWEEP_JAVA_OPTS=-Xmx4g, or ask for less (fewer points, a smaller accuracy.tensor)")
                    .formatted(Runtime.getRuntime().maxMemory() >> 20));
            return USER_ERROR;
        }
    }

    private static UserInputException userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof UserInputException u)
                return u;
        return null;
    }
}
