package org.bitsweep.report.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test void writesANewFile() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.replace(target, file -> Files.writeString(file, "<html></html>"));
        assertThat(Files.readString(target)).isEqualTo("<html></html>");
        assertThat(listing()).containsExactly(target);
    }

    @Test void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "old");
        AtomicFiles.replace(target, file -> Files.writeString(file, "new"));
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test void aFailedWriteKeepsTheOldFileAndLeavesNoPartialOne() throws IOException {
        Path target = dir.resolve("pareto.png");
        Files.writeString(target, "old chart");
        assertThatThrownBy(() -> AtomicFiles.replace(target, file -> {
            Files.writeString(file, "half a ch");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("pareto.png").hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("old chart");
        assertThat(listing()).containsExactly(target);
    }

    @Test void aWriterThatThrowsUncheckedAlsoLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("pareto.svg");
        assertThatThrownBy(() -> AtomicFiles.replace(target, file -> {
            Files.writeString(file, "<svg");
            throw new IllegalStateException("renderer broke");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(listing()).isEmpty();
    }

    private Stream<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        }
    }
}
