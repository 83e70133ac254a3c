package io.loadgrid.common.cli;

/** Bad input gets one line saying what is wrong and how to fix it, and exit code 2. */
public final class BadInput {
    private BadInput() {}

    public static int report(String command, String message) {
        System.err.println("loadgrid " + command + ": " + message.strip().replace('\n', ' '));
        return ExitCode.BAD_INPUT.code();
    }
}
