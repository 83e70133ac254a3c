package io.loadgrid.coordinator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs a command's entry point in this JVM as a user types it, capturing what it prints. */
public final class Console {
    private Console() {}

    public record Ran(int exit, String out, String err) {}

    /** One command at a time: System.out and System.err are the JVM's, not the command's. */
    public static synchronized Ran capture(Function<String[], Integer> main, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = main.apply(args);
            return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
