package io.loadgrid.common.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is sent, that an output can go where the user asked: a typo or a read-only disk then costs
 * one line, not a run whose result has nowhere to go. A full disk shows only when written to; {@link AtomicFile}
 * then leaves the earlier file as it was.
 */
public final class Writable {
    private Writable() {}

    /** The folder {@code file} goes in, or the nearest one of its parents that exists, takes a new file. */
    public static void file(Path file, String option) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs) || abs.getParent() == null) {
            throw new IllegalArgumentException(
                    option + " " + file + " is a folder; give the name of a file, e.g. " + abs.resolve("result.json"));
        }
        folder(abs.getParent(), option + " " + file);
    }

    /** {@code dir}, or the nearest one of its parents that exists (the rest are made), takes a new file. */
    public static void folder(Path dir, String what) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(what + ": " + existing + " is not a folder; give a path in a folder");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".loadgrid-probe-", ".tmp"));
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new IllegalArgumentException(
                    what + ": cannot write in " + existing + " (" + why + "); give a folder this user can write");
        }
    }
}
