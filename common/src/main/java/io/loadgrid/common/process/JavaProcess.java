package io.loadgrid.common.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts another loadgrid JVM (worker, target, agent) with this JVM's java binary, classpath and module flags, so
 * a child runs exactly the code and settings of its parent, whether launched by ./loadgrid or by a test.
 */
public final class JavaProcess {
    /** The folder of the class-data archives ./loadgrid gives its JVMs, if it does. */
    private static final String ARCHIVES = "loadgrid.cds";

    private static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

    /** The parent's own flags, space separated, which a child does not inherit (the launcher's coordinator flags). */
    private static final String OWN_FLAGS = "loadgrid.own.flags";

    private JavaProcess() {}

    public static ProcessBuilder builder(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        Set<String> own = Set.copyOf(List.of(System.getProperty(OWN_FLAGS, "").split(" ")));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // debuggers and agents belong to the parent, and so do its class-data archive and its own flags; heap
            // and GC flags are inherited
            if (!a.startsWith("-agentlib")
                    && !a.startsWith("-javaagent")
                    && !a.startsWith("-Xrunjdwp")
                    && !a.startsWith(ARCHIVE_FLAG)
                    && !a.startsWith("-D" + OWN_FLAGS + "=")
                    && !own.contains(a)) {
                cmd.add(a);
            }
        }
        String archives = System.getProperty(ARCHIVES);
        if (archives != null) {
            // the launcher's rule: one archive per main class, since each loads its own classes
            cmd.add(ARCHIVE_FLAG + archives + "/" + mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".jsa");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /**
     * Reads the child's stdout until a line starts with {@code prefix} and returns that line; the rest is drained in
     * the background so the child never blocks on a full pipe. Throws when the child exits first.
     */
    public static String awaitLine(Process p, String prefix) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                Thread.ofPlatform()
                        .daemon()
                        .name("child-out-" + p.pid())
                        .start(() -> out.lines().forEach(l -> {}));
                return line;
            }
        }
        throw new IOException("process " + p.pid() + " exited before printing '" + prefix.strip() + "' (exit code "
                + p.onExit().join().exitValue() + "); its error output is above");
    }

    /** Closes the child's stdin, which ends every loadgrid child, and kills it if it is not gone within 5 s. */
    public static void stop(Process p) {
        try {
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            p.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
