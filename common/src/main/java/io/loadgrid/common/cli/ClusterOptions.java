package io.loadgrid.common.cli;

import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The cluster options every distributed command shares (a picocli mixin), and their validation. */
public final class ClusterOptions {
    /** Shorter secrets are refused: they would make plan signatures guessable. */
    public static final int MIN_SECRET_BYTES = 16;

    @Option(
            names = "--join",
            paramLabel = "HOST[:PORT],...",
            split = ",",
            description = "members to join (TCP-IP; multicast is off)")
    List<String> join = new ArrayList<>();

    @Option(names = "--cluster-name", paramLabel = "N", description = "cluster name (required with --join)")
    String clusterName;

    @Option(
            names = "--secret-file",
            paramLabel = "F",
            description = "shared secret that signs plans (required with --join; or LOADGRID_SECRET)")
    Path secretFile;

    @Option(
            names = "--bind",
            paramLabel = "HOST",
            description = "interface to bind Hazelcast to (default: ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "Hazelcast port, the next free one above it if taken (default: ${DEFAULT-VALUE})")
    int port = ClusterNames.DEFAULT_PORT;

    public List<String> join() {
        return join;
    }

    /** Settings for a member outside local mode, where a cluster name and a secret are required. */
    public ClusterSettings remote() {
        if (join.isEmpty()) {
            throw new IllegalArgumentException(
                    "--join is required: name at least one member, e.g. --join 10.0.0.5:5701");
        }
        for (String member : join) {
            checkMember(member);
        }
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException(
                    "--cluster-name is required with --join: every member of one cluster must use the same name");
        }
        return new ClusterSettings(clusterName, join, bind, checkedPort(), secret());
    }

    private int checkedPort() {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a TCP port; use 1-65535");
        }
        return port;
    }

    private byte[] secret() {
        String env = System.getenv("LOADGRID_SECRET");
        byte[] secret;
        if (secretFile != null) {
            try {
                secret = Files.readString(secretFile).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--secret-file " + secretFile + " cannot be read (" + e.getMessage()
                        + "); create it with e.g. 'head -c 32 /dev/urandom | base64 > " + secretFile + "'");
            }
        } else if (env != null && !env.isBlank()) {
            secret = env.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException(
                    "a shared secret is required with --join: pass --secret-file F (the same file on every "
                            + "member) or set LOADGRID_SECRET");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the shared secret has " + secret.length + " bytes; use at least "
                    + MIN_SECRET_BYTES + ", e.g. 'head -c 32 /dev/urandom | base64'");
        }
        return secret;
    }

    static void checkMember(String member) {
        String m = member.strip();
        int colon = m.lastIndexOf(':');
        if (m.isEmpty() || colon == 0) {
            throw new IllegalArgumentException("--join entry '" + member + "' has no host; use HOST or HOST:PORT");
        }
        if (colon > 0 && !m.endsWith("]")) {
            String p = m.substring(colon + 1);
            try {
                int port = Integer.parseInt(p);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--join entry '" + member + "' has a bad port '" + p + "'; use HOST:PORT with a port 1-65535");
            }
        }
    }
}
