package io.loadgrid.coordinator.cluster;

import io.loadgrid.common.process.JavaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces as separate hosts: one per role, each with its own address on a private /24, joined by a bridge
 * that lives in a namespace of its own, so nothing touches the machine's own network. Removed on close, and by a
 * shutdown hook should the test JVM die first.
 */
final class Namespaces implements AutoCloseable {
    private final String prefix =
            "lg" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private final String subnet = "10.231." + ThreadLocalRandom.current().nextInt(1, 255);
    private final String bridge = prefix + "sw";
    private final List<String> created = new ArrayList<>();
    private final Thread cleanup = new Thread(this::removeAll, "netns-cleanup");

    /** Creates the bridge namespace; throws when namespaces cannot be made here. */
    Namespaces() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(cleanup);
        add(bridge);
        ip("netns", "exec", bridge, "ip", "link", "add", "br0", "type", "bridge");
        ip("netns", "exec", bridge, "ip", "link", "set", "br0", "up");
    }

    /** A host named {@code role} with address {@code subnet.host}; returns the address. */
    String host(String role, int host) throws IOException, InterruptedException {
        String ns = prefix + role;
        add(ns);
        String inner = "v" + prefix + role;
        String outer = "p" + prefix + role;
        ip("link", "add", inner, "type", "veth", "peer", "name", outer);
        ip("link", "set", inner, "netns", ns);
        ip("link", "set", outer, "netns", bridge);
        ip("netns", "exec", bridge, "ip", "link", "set", outer, "master", "br0", "up");
        String address = subnet + "." + host;
        ip("netns", "exec", ns, "ip", "addr", "add", address + "/24", "dev", inner);
        ip("netns", "exec", ns, "ip", "link", "set", inner, "up");
        ip("netns", "exec", ns, "ip", "link", "set", "lo", "up");
        return address;
    }

    /** The command, run inside host {@code role}. */
    List<String> in(String role, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + role));
        cmd.addAll(command);
        return cmd;
    }

    /** Sets host {@code role}'s only link down or up: a host cut off from every other, then back. */
    void link(String role, boolean up) throws IOException, InterruptedException {
        ip("netns", "exec", prefix + role, "ip", "link", "set", "v" + prefix + role, up ? "up" : "down");
    }

    /** Starts JVM {@code main} inside host {@code role} and returns once it printed {@code ready}; stderr shows. */
    Process java(String role, String main, List<String> args, String ready) throws IOException {
        Process p = new ProcessBuilder(in(role, JavaProcess.builder(main, args).command()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        JavaProcess.awaitLine(p, ready);
        return p;
    }

    /** What {@code command} printed, run inside host {@code role}. */
    String output(String role, List<String> command) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(in(role, command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end in 20 s");
        }
        return out;
    }

    /** A loadgrid target's /stats document, read from inside host {@code from} (the JDK has no client there). */
    String stats(String from, String address, int port) throws IOException, InterruptedException {
        return output(
                from,
                List.of(
                        "bash",
                        "-c",
                        "exec 3<>/dev/tcp/" + address + "/" + port + " && printf 'GET /stats HTTP/1.0\\r\\n\\r\\n' >&3"
                                + " && cat <&3"));
    }

    private void add(String ns) throws IOException, InterruptedException {
        ip("netns", "add", ns);
        created.add(ns);
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
        }
    }

    private synchronized void removeAll() {
        for (String ns : created.reversed()) {
            try {
                new ProcessBuilder("ip", "netns", "del", ns)
                        .redirectErrorStream(true)
                        .start()
                        .waitFor(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // best effort: the next one still goes
            }
        }
        created.clear();
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
