package io.loadgrid.coordinator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Waits on what a child JVM writes to a file, for tests that act at a point in its run. */
public final class ChildOutput {
    private ChildOutput() {}

    /** Returns once {@code file} contains {@code text}; fails with the file's content after 90 s. */
    public static void awaitText(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "never saw '" + text + "' in " + (Files.exists(file) ? Files.readString(file) : "nothing"));
    }
}
