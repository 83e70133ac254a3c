package io.loadgrid.common.process;

import java.util.Locale;

/**
 * The programs loadgrid starts as processes of their own: the main class each is started by, and the line it prints
 * on standard output once it is ready. Declared once, for the program that prints and whoever waits for it.
 */
public enum Role {
    /** Ready once joined; the line goes on with what it joined (its member and cluster). */
    AGENT("io.loadgrid.agent.cluster.AgentCli", "loadgrid agent "),
    /** Ready once listening; the line goes on with its base URL. */
    TARGET("io.loadgrid.testbed.TargetCli", "loadgrid target listening on ");

    private final String mainClass;
    private final String ready;

    Role(String mainClass, String ready) {
        this.mainClass = mainClass;
        this.ready = ready;
    }

    public String mainClass() {
        return mainClass;
    }

    /** How every ready line of this role begins. */
    public String readyPrefix() {
        return ready;
    }

    /** The ready line that says {@code what}. */
    public String readyLine(String what) {
        return ready + what;
    }

    /** What a ready line of this role says after its prefix. */
    public String readyWhat(String line) {
        if (!line.startsWith(ready)) {
            throw new IllegalArgumentException("not a " + name().toLowerCase(Locale.ROOT) + " ready line: " + line);
        }
        return line.substring(ready.length()).strip();
    }
}
