package io.loadgrid.coordinator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Waits on what a child JVM writes to a file, and tells children apart, for tests that act at a point in a run. */
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

    /** A process's whole command line: ProcessHandle.Info gives up on long ones. */
    public static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
