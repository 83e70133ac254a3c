package io.loadgrid.common.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every output is written beside its final name and moved over it in one step, so a sweep killed at any moment
 * leaves each file either as it was after the previous cell or as it is after this one, never half written.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    public static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, String content) {
        write(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
