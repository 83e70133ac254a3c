package io.loadgrid.coordinator.session;

import io.loadgrid.common.cluster.ClusterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Local mode: a private cluster name and a fresh secret, so two local runs never mix. */
final class LocalSettings {
    private LocalSettings() {}

    static ClusterSettings fresh() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        int port = freePort();
        // the coordinator looks for no other member: its agents come to it. Looking at their ports while they start
        // too costs seconds of master election (seen: 5 s) before either is up
        return new ClusterSettings(
                "loadgrid-local-" + secret.substring(0, 8),
                List.of("127.0.0.1:" + port),
                "127.0.0.1",
                port,
                secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A port the coordinator can listen on, chosen before it starts so that the agents can be told it while both
     * JVMs start: the kernel's pick, free now (if it is taken before the coordinator binds it, the agents start
     * again).
     */
    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the coordinator", e);
        }
    }

    /** Local agents may load loopback and whichever hosts the user named. */
    static String allowed(List<String> targets) {
        Set<String> hosts = new LinkedHashSet<>(List.of("127.0.0.0/8", "::1/128"));
        for (String t : targets) {
            String host = t != null && t.startsWith("http") ? URI.create(t).getHost() : null;
            if (host != null) {
                hosts.add(host);
            }
        }
        return String.join(",", hosts);
    }
}
