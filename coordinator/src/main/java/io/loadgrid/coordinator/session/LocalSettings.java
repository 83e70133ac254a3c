package io.loadgrid.coordinator.session;

import io.loadgrid.common.cluster.ClusterSettings;
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
        return new ClusterSettings(
                "loadgrid-local-" + secret.substring(0, 8),
                List.of(),
                "127.0.0.1",
                5701,
                secret.getBytes(StandardCharsets.UTF_8));
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
