package io.loadgrid.coordinator.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Checks that the target accepts connections before any load is planned, so a typo costs one line, not a run of
 * failures.
 */
public final class Preflight {
    private Preflight() {}

    public static void reachable(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "port " + port + " in " + url + " is not a TCP port (1 to 65535); fix --base/--url");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 3000);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + uri.getHost() + "' in " + url + "; fix --base/--url");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot connect to " + uri.getHost() + ":" + port + " (" + e.getMessage()
                    + "); start a target there (./loadgrid target --port " + port + ") or fix --base/--url");
        }
    }
}
