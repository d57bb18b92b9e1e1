package org.bitsweep.workloads.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.bitsweep.workloads.UserInputException;

/** Turns an I/O failure on a user's file into the one-line error the command line prints (exit 2). */
final class IoErrors {
    private IoErrors() {
    }

    /** @param verb {@code "read"} or {@code "write"} */
    static UserInputException cannot(String verb, String file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException)
            why = "no such file or folder";
        else if (e instanceof AccessDeniedException)
            why = "permission denied";
        else if (e instanceof FileSystemException f && f.getReason() != null)
            why = f.getReason();   // getMessage() would repeat the path
        else
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserInputException("%s: cannot %s: %s".formatted(file, verb, why), e);
    }
}
