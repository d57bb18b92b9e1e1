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
        return cli.execute(args);
    }

    private static UserInputException userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof UserInputException u)
                return u;
        return null;
    }
}
