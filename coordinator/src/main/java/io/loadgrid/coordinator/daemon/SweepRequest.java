package io.loadgrid.coordinator.daemon;

/**
 * A sweep handed to a long-lived coordinator: the plan's name and text (or a sweep id to resume), and the sweep
 * options that make sense there. The answer streams the sweep's output, a line at a time: {@value #OUT} or
 * {@value #ERR} before each printed line, and {@value #EXIT} with the exit code at the end.
 */
public record SweepRequest(String planFile, String planSource, Integer agents, String resume, String base) {
    public static final String OUT = "o ";
    public static final String ERR = "e ";
    public static final String EXIT = "x ";
}
