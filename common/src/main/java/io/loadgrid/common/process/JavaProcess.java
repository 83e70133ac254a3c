package io.loadgrid.common.process;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts another loadgrid JVM (worker, target, agent) with this JVM's java binary, classpath and module flags, so
 * a child runs exactly the code and settings of its parent, whether launched by ./loadgrid or by a test.
 */
public final class JavaProcess {
    private JavaProcess() {
    }

    public static ProcessBuilder builder(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // debuggers and agents belong to the parent; heap and GC flags are inherited
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
